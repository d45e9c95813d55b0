/**
 * Vietnamese texts of the classified-material guard. One refusal whatever the trick, so none hints at
 * content; only a bid to change the assistant's role, a credential asked for and a reporter's identity
 * are told apart (none says anything of what was asked).
 */
import type { GuardCategory } from '../core/guard/rules.js';

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

/** For a password, PIN or private key asked for: where to get one, and nothing else. */
export const CREDENTIAL_REFUSAL_TEXT =
  'Xin lỗi, trợ lý ảo không cung cấp mật khẩu, mã PIN, khóa bí mật, thông tin đăng nhập hay cấu hình bảo mật của bất kỳ hệ thống nào. ' +
  'Đồng chí vui lòng liên hệ bộ phận công nghệ thông tin hoặc người quản trị hệ thống của đơn vị để được cấp lại theo quy định.';

/** For who denounced or informed in a particular matter: the law keeps that secret; says nothing of the matter. */
export const IDENTITY_REFUSAL_TEXT =
  'Xin lỗi, trợ lý ảo không cung cấp, xác nhận hay gợi ý danh tính, thông tin cá nhân của người tố cáo, người tố giác, ' +
  'người báo tin: pháp luật yêu cầu giữ bí mật các thông tin này. ' +
  'Tôi vẫn sẵn sàng trả lời các câu hỏi về quy định tiếp nhận, giải quyết tố cáo và bảo vệ người tố cáo.';

/** The refusal for a guard category. */
export function refusalText(category: GuardCategory): string {
  if (category === 'credentials') return CREDENTIAL_REFUSAL_TEXT;
  if (category === 'protected-identity') return IDENTITY_REFUSAL_TEXT;
  if (category === 'injection') return INJECTION_REFUSAL_TEXT;
  return REFUSAL_TEXT;
}
