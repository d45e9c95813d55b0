/** Vietnamese texts of the ingest report (the administrator reads these). */
export const pipelineMessages = {
  quarantinedMarking: 'Tài liệu mang dấu độ mật: đã cách ly, không đưa vào chỉ mục.',
  quarantinedStamp: 'Bản quét có dấu độ mật: đã cách ly, không đưa vào chỉ mục.',
  quarantinedPassage: (locator: string) =>
    `Một đoạn của tài liệu (${locator}) mang ký hiệu độ mật: cả tài liệu đã được cách ly, không đưa vào chỉ mục, chờ kiểm tra thủ công.`,
  quarantinedUndecidable: 'Bản quét có dấu không đọc được với độ tin cậy đủ cao: đã cách ly để kiểm tra thủ công.',
  noChunks: 'Không tách được đoạn văn bản nào từ tệp.',
  ocrUnavailable: 'Tệp là bản quét (không có lớp văn bản) và chưa bật nhận dạng ký tự (OCR).',
  ingestFailed: (reason: string) => `Nạp dữ liệu thất bại, chỉ mục cũ vẫn được giữ nguyên: ${reason}`,
  summaryTitle: 'Kết quả nạp dữ liệu',
  statusLabels: {
    added: 'thêm mới',
    updated: 'cập nhật',
    unchanged: 'không đổi',
    removed: 'đã xoá',
    quarantined: 'cách ly (mật)',
    failed: 'lỗi',
  } as Record<string, string>,
  superseded: (older: string, newer: string) => `${older} đã được thay thế bởi ${newer}`,
};
