import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EmbedderProvider } from '../../ingest/index-version.js';
import { embedderProvider } from '../../core/embedders.js';
import { testConfig } from '../../core/config.js';

export async function tempDir(prefix = 'vks-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** The real local embedder, counting every text it is asked to embed. */
export function countingProvider(): { provider: EmbedderProvider; embedded: string[] } {
  const embedded: string[] = [];
  const inner = embedderProvider(testConfig());
  const provider: EmbedderProvider = async (corpus, state) => {
    const { embedder, state: s } = await inner(corpus, state);
    const wrapped = Object.create(embedder) as typeof embedder;
    wrapped.embedDocuments = async (texts: string[]) => {
      embedded.push(...texts);
      return embedder.embedDocuments(texts);
    };
    const vectors = embedder.embedVectors?.bind(embedder);
    if (vectors) {
      wrapped.embedVectors = async (texts: string[]) => {
        embedded.push(...texts);
        return vectors(texts);
      };
    }
    return { embedder: wrapped, state: s };
  };
  return { provider, embedded };
}

export const LAW_A = `LUẬT THỬ NGHIỆM A
Luật số: 11/2020/QH14

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về việc lưu trữ hồ sơ điện tử của cơ quan kiểm sát.

Điều 2. Thời hạn lưu trữ
1. Hồ sơ vụ án hình sự được lưu trữ trong thời hạn 20 năm.
2. Hồ sơ khiếu nại được lưu trữ trong thời hạn 10 năm.
`;

export const GUIDE_B = `---
title: Hướng dẫn sử dụng phần mềm quản lý văn bản
type: Hướng dẫn
---
# Đăng nhập

Cán bộ đăng nhập phần mềm bằng tài khoản được cấp và chứng thư số cá nhân.

# Ký số

Sau khi soạn thảo, cán bộ chọn nút Ký số và nhập mã PIN của thiết bị ký số.
`;

export const NEWS_C = `---
title: Tin hội nghị tập huấn chuyển đổi số
type: Tin tức
date: 2024-05-10
---
Ngày 10/5/2024, Viện kiểm sát tổ chức hội nghị tập huấn chuyển đổi số cho 120 cán bộ.

Hội nghị giới thiệu nền tảng Bàn làm việc số và trợ lý ảo.
`;

export const STAMPED = `TỐI MẬT

KẾ HOẠCH
Về công tác nội bộ đặc biệt

1. Nội dung thử nghiệm không được đưa vào chỉ mục.
`;
