/** Vietnamese texts of the classified-material guard. One refusal whatever the trick, so none hints at content. */

export const REFUSAL_TEXT =
  'Xin lỗi, trợ lý ảo không xử lý tài liệu, thông tin thuộc bí mật nhà nước (Mật, Tối mật, Tuyệt mật), ' +
  'kể cả việc xác nhận, liệt kê, tóm tắt hay chuyển đổi nội dung đó. ' +
  'Đồng chí vui lòng liên hệ bộ phận bảo mật, văn thư mật hoặc lãnh đạo đơn vị để được giải quyết theo quy định. ' +
  'Tôi vẫn sẵn sàng trả lời các câu hỏi về quy định công khai của pháp luật.';

/** For attempts to change the assistant's instructions or role: says no more than that. */
export const INJECTION_REFUSAL_TEXT =
  'Xin lỗi, trợ lý ảo chỉ làm việc theo chức năng đã được thiết lập và không thể thay đổi vai trò hay hướng dẫn hoạt động. ' +
  'Đồng chí vui lòng đặt câu hỏi về văn bản, quy định của ngành Kiểm sát.';

/** Written to the server log when the audit file cannot be written (never shown to users). */
export const AUDIT_WRITE_FAILED = 'Không ghi được nhật ký từ chối';
