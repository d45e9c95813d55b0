/**
 * User-facing Vietnamese texts of the ingestion stage: why a file was not ingested.
 * Shown in the ingest report and the admin commands, so they speak to an operator, not a developer.
 */
import type { IngestErrorCode } from '../ingest/errors.js';

export const INGEST_ERROR_REASONS: Record<IngestErrorCode, string> = {
  unsupported: 'Định dạng tệp không được hỗ trợ (chỉ nhận .pdf, .docx, .txt, .md, .html, .htm).',
  empty: 'Tệp rỗng hoặc không có nội dung văn bản.',
  corrupt: 'Tệp bị hỏng hoặc không đọc được (có thể tệp bị cắt cụt hoặc sai định dạng).',
  'no-text-layer': 'Tệp PDF không có lớp văn bản (bản quét dạng ảnh); cần nhận dạng ký tự (OCR) trước khi nạp.',
  'legacy-encoding':
    'Tệp dùng bảng mã tiếng Việt cũ (TCVN3/ABC hoặc VNI); hãy chuyển sang Unicode (UTF-8) rồi nạp lại.',
  binary: 'Tệp chứa dữ liệu nhị phân, không phải văn bản.',
  'too-large': 'Tệp quá lớn, vượt giới hạn cho phép khi nạp.',
};

/** Locator of the text before Điều 1 (title, căn cứ, preamble). */
export const PREAMBLE_LOCATOR = 'Phần mở đầu';

/** Locator of the signature block and distribution list after the last article. */
export const CLOSING_LOCATOR = 'Phần cuối (nơi nhận, chữ ký)';
