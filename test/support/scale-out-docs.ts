/**
 * Small fictional documents for the scale-out test: two plans with the same
 * sections (purpose, content, reporting deadline) (so a bare follow-up is ambiguous without history), and
 * one added later to check that a re-ingest reaches every replica.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PLAN = {
  file: 'ke-hoach-15-kh-vkstc.md',
  number: '15/KH-VKSTC',
  deadline: '20/11/2025',
  text: `---
title: "Kế hoạch kiểm tra công tác tiếp công dân năm 2025"
type: "Kế hoạch"
number: "15/KH-VKSTC"
issuer: "Viện kiểm sát nhân dân tối cao"
date: "2025-02-10"
---

# Kế hoạch 15/KH-VKSTC kiểm tra công tác tiếp công dân năm 2025

## I. Mục đích, yêu cầu

1. Đánh giá đúng thực trạng công tác tiếp công dân tại Viện kiểm sát nhân dân cấp tỉnh và cấp khu vực.
2. Phát hiện, chấn chỉnh kịp thời những hạn chế trong việc ghi sổ tiếp công dân và phân loại đơn.

## II. Nội dung thực hiện

Kiểm tra việc bố trí trụ sở tiếp công dân, lịch tiếp công dân của lãnh đạo đơn vị, việc ghi chép sổ tiếp công dân và việc chuyển đơn đến đơn vị có thẩm quyền.

## III. Thời hạn báo cáo

Các đơn vị được kiểm tra gửi báo cáo kết quả tự kiểm tra về Viện kiểm sát nhân dân tối cao trước ngày 20/11/2025.
`,
};

export const GUIDE = {
  file: 'ke-hoach-22-kh-vkstc.md',
  number: '22/KH-VKSTC',
  deadline: '05/12/2025',
  text: `---
title: "Kế hoạch số hóa hồ sơ kiểm sát án hình sự năm 2025"
type: "Kế hoạch"
number: "22/KH-VKSTC"
issuer: "Viện kiểm sát nhân dân tối cao"
date: "2025-03-01"
---

# Kế hoạch 22/KH-VKSTC số hóa hồ sơ kiểm sát án hình sự năm 2025

## I. Mục đích, yêu cầu

1. Số hóa toàn bộ hồ sơ kiểm sát án hình sự đã kết thúc từ năm 2020 để tra cứu trên hệ thống điện tử.
2. Bản quét có độ phân giải tối thiểu 300 dpi, định dạng PDF/A, tên tệp theo số thụ lý.

## II. Nội dung thực hiện

Các đơn vị rà soát hồ sơ lưu trữ, lập danh mục hồ sơ cần số hóa, tổ chức quét và kiểm tra chất lượng bản quét trước khi đưa lên hệ thống.

## III. Thời hạn báo cáo

Các đơn vị báo cáo tiến độ số hóa hồ sơ về Cục Thống kê tội phạm và chuyển đổi số trước ngày 05/12/2025.
`,
};

/** Added after the first ingest: only it answers questions about the badge issue. */
export const LATE_NOTICE = {
  file: 'cong-van-99-vkstc-v2.md',
  number: '99/VKSTC-V2',
  marker: '14/02/2026',
  text: `---
title: "Công văn về cấp phát phù hiệu, cấp hiệu cho kiểm sát viên"
type: "Công văn"
number: "99/VKSTC-V2"
issuer: "Viện kiểm sát nhân dân tối cao"
date: "2026-01-05"
---

# Công văn 99/VKSTC-V2 về cấp phát phù hiệu, cấp hiệu cho kiểm sát viên

Việc cấp phát phù hiệu, cấp hiệu mới cho kiểm sát viên được thực hiện tập trung tại Văn phòng Viện kiểm sát nhân dân tối cao. Các đơn vị lập danh sách kiểm sát viên đề nghị cấp phát phù hiệu, cấp hiệu và gửi về trước ngày 14/02/2026.
`,
};

export async function writeDocs(dir: string, docs: { file: string; text: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const d of docs) await writeFile(join(dir, d.file), d.text, 'utf8');
}
