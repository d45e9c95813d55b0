/** Vietnamese texts for administrators (HTTP endpoints and Teams commands). */
export const adminMessages = {
  disabled: 'Chức năng quản trị chưa được bật (chưa cấu hình ADMIN_TOKEN).',
  unauthenticated: 'Cần xác thực: gửi kèm tiêu đề Authorization: Bearer <ADMIN_TOKEN>.',
  forbidden: 'Mã quản trị không đúng.',
  alreadyRunning: 'Đang có một lượt nạp dữ liệu chạy; vui lòng đợi lượt này kết thúc.',
  notAdmin: 'Xin lỗi, lệnh này chỉ dành cho quản trị viên hệ thống.',
  reingestStarted: 'Đã bắt đầu nạp lại dữ liệu. Gửi /status để xem tiến độ; trợ lý vẫn trả lời bình thường trong lúc nạp.',
  status: (s: { loaded: boolean; documents: number; chunks: number; version: string | null; running: boolean; last: string | null }) =>
    [
      `Chỉ mục: ${s.loaded ? `phiên bản ${s.version}, ${s.documents} văn bản, ${s.chunks} đoạn` : 'chưa có'}.`,
      s.running ? 'Đang nạp lại dữ liệu...' : 'Không có lượt nạp nào đang chạy.',
      s.last ? `Lượt nạp gần nhất:\n${s.last}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
};
