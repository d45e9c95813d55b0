/**
 * Vietnam's provinces and centrally-run cities by name (the 63 before the 2025 mergers, whose
 * names the merged provinces keep), folded. A question typed without accents or capitals
 * ("vksnd tp ha noi da so hoa bao nhieu ho so") names a place no capital letter marks: this
 * list is how it is recognised.
 */
import { fold } from '../text.js';

const PROVINCES = [
  'An Giang', 'Bà Rịa Vũng Tàu', 'Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định',
  'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cần Thơ', 'Cao Bằng', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông',
  'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương',
  'Hải Phòng', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng',
  'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên',
  'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh',
  'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'Huế', 'Tiền Giang', 'Hồ Chí Minh', 'HCM', 'Sài Gòn',
  'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
].map((p) => fold(p).toLowerCase());

/** The unit or institution before the name keeps "năm định kỳ" from reading as Nam Định. */
const NAMED_PLACE = new RegExp(
  `\\b(?:tinh|thanh pho|tp|vksnd|vks|vien kiem sat nhan dan|vien kiem sat|cong an|toa an nhan dan|toa an)(?: (?:tinh|thanh pho|tp))? (${[...PROVINCES].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);

/** Provinces the question names after a unit or institution, folded ("ha noi", "soc trang"). */
export function provincesNamed(question: string): string[] {
  return [...fold(question).toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').matchAll(NAMED_PLACE)].map((m) => m[1]);
}
