/**
 * Everyday words and the words legal and administrative texts use for the same thing (folded).
 *
 * Citizens ask whether they must "trả tiền"; the law speaks of "chi phí", "phí, lệ phí". The
 * lexical side matches syllables, so without this list a paraphrase shares no word with the
 * article that answers it. Each group is one concept: any phrase of it found in a question
 * lets the others count. Phrases, not single syllables, wherever a syllable alone is ambiguous
 * once folded ("tien" is tiền, tiến, tiện): a phrase of two syllables rarely is.
 *
 * Only equivalences that hold across the field belong here, not the wording of one document.
 */
import { fold } from '../text.js';
import { union, type Lookup } from './passage-index.js';
import { PhraseTable } from '../phrase-table.js';

const GROUPS: readonly string[] = [
  // Money a person pays for a service.
  'tra tien|mat tien|ton tien|nop tien|dong tien|thu tien|tra phi|mat phi|ton phi|nop phi|dong phi|thu phi|chi phi|le phi',
  // An institution's founding day is its "ngày truyền thống".
  'ngay thanh lap|ngay ra doi|ngay truyen thong|ky niem thanh lap',
  // The person a right belongs to.
  'nguoi dan|cong dan',
  // Asking an authority for something.
  'xin thong tin|yeu cau cung cap thong tin',
  'nop don|gui don',
  // Withdrawing a petition: the laws write "rút khiếu nại", "rút tố cáo" (two groups: those two differ).
  'rut don|rut khieu nai',
  'rut don|rut to cao',
  'nop ho so|gui ho so',
  // A procedure's steps: guides say "quy trình", the laws "trình tự" ("Điều 28. Trình tự giải quyết tố cáo").
  'quy trinh|trinh tu',
  'nop yeu cau|gui yeu cau|gui phieu yeu cau',
  // Kinds a thing falls into: "chia làm mấy độ mật" asks what "được phân loại thành 03 độ mật" says.
  // (Not "phân thành": folded it is also the name "Phan Thanh".)
  'chia lam|chia thanh|phan loai thanh',
  // Longer than the usual time limit.
  'keo dai|gia han',
  // Not done in time: the law writes "cần thêm thời gian".
  'chua kip|can them thoi gian',
  // A case stopped: the laws write "đình chỉ" (ending it), not "dừng lại".
  'dung lai|dinh chi',
  // Who sits in a meeting, and attending one: the decrees write "người tham dự", "tham dự … cuộc họp". (Not a bare
  // "dự họp": folded it is also "đủ, hợp" of "đầy đủ, hợp lệ".)
  'dai bieu|nguoi tham du|nguoi du hop|tham du cuoc hop|tham du hoi nghi',
  // Paused, not ended: the laws write "tạm đình chỉ".
  'tam dung|tam ngung|tam dinh chi',
  // Who is in charge.
  'sep|lanh dao|thu truong|nguoi dung dau',
  'cong to vien|kiem sat vien',
  'quan toa|tham phan',
  'cong an|canh sat',
  // Meeting parties away from the office, which the rules on Kiểm sát viên call "ngoài nơi quy định".
  'quan ca phe|nha hang|nha rieng|ngoai tru so|ngoai noi quy dinh',
  // Where the accused are held: the procedure code says "cơ sở giam giữ" for both.
  'trai tam giam|nha tam giu|co so giam giu',
  // Schooling a post requires.
  'hoc van|bang cap|van bang|trinh do dao tao',
  // Computers, documents and secrecy.
  'phan mem|nen tang',
  'noi mang|ket noi mang|ket noi internet|noi internet',
  'giu bi mat|bao mat|bao dam tinh bi mat',
  'photo|copy|ban copy|sao chup|sao chep',
  // Putting equipment to another use: the laws write "chuyển mục đích sử dụng".
  'chuyen sang dung|dung vao viec khac|dung cho viec khac|chuyen muc dich su dung|su dung vao muc dich khac',
  'huy bo|bai bo',
  'nghiem cam|bi cam|khong duoc|cam',
  // Bounds: the law writes "không quá 03 ngày", "ít nhất 01 ngày".
  'toi da|khong qua',
  'toi thieu|it nhat',
  'bat dau co hieu luc|co hieu luc',
  'duoc phep|co quyen',
  'email|thu dien tu',
  'website|trang thong tin dien tu|cong thong tin dien tu',
  'cmnd|chung minh nhan dan|can cuoc',
  'so hoa|dien tu hoa|scan|ban scan|quet tai lieu',
  'truc tuyen|online',
  'may tinh|may vi tinh|laptop|may tinh xach tay',
  'usb|thiet bi luu tru',
  // A signing token is, in Nghị định 30, a "thiết bị lưu khóa bí mật".
  'usb token|token ky so|token|thiet bi luu khoa bi mat',
  'mat khau|password',
  'tai lieu mat|tai lieu bi mat|tai lieu vat chua bi mat',
  // "Họp có nội dung mật", "văn bản mật": chat's "mật" for the law's "bí mật nhà nước".
  'noi dung mat|noi dung bi mat',
  'van ban mat|van ban bi mat',
  'vi pham|sai pham',
  'xet xu|xu an',
  'chuyen cong tac|dieu dong',
  'tuyen dung|tuyen chon',
  // Security rules name devices by what they can do.
  'dien thoai di dong|dien thoai thong minh|dien thoai|thiet bi co tinh nang thu|thiet bi di dong',
  'nguoi lon|nguoi thanh nien|nguoi du 18 tuoi',
  // A person's family, which the laws list ("vợ, chồng, cha đẻ, mẹ đẻ …"). Not "người thân thích": a term of its own in the procedure code.
  'nguoi than|nguoi nha|than nhan|vo chong cha de me de',
  // Death as the laws write it ("người bị tố cáo là cá nhân chết", "bị hại chết").
  'qua doi|tu tran|tu vong|chet',
  // "Trong tình huống khẩn cấp": the laws write "trường hợp".
  'tinh huong|truong hop',
  // Many people with one grievance: the law writes "về một nội dung".
  'mot viec giong nhau|cung mot viec|cung mot van de|mot van de giong nhau|cung mot noi dung|ve mot noi dung',
  // A newspaper's newsroom is, in the laws' words, a press agency.
  'toa soan|toa soan bao|co quan bao chi',
  // Drunkenness as the laws write it.
  'say ruou|say xin|say bia|tinh trang say',
  // Who receives citizens.
  'can bo tiep dan|can bo tiep cong dan|nguoi tiep dan|nguoi tiep cong dan',
  // "Tiếp dân" is everyday speech for the Luật Tiếp công dân's "tiếp công dân".
  'tiep dan|tiep cong dan',
  // Messages and post as the laws name them.
  'tin nhan|thong diep du lieu',
  // A denunciation without its author's name: the Luật Tố cáo writes "không rõ họ tên".
  'nac danh|khong ro ho ten|khong ky ten|khong ghi ten|giau ten',
  // Urgent dispatch is a "mức độ khẩn" (hỏa tốc, thượng khẩn, khẩn).
  'gui gap|can gap|chuyen gap|van ban gap|do khan|hoa toc',
  // People of a criminal case in everyday words and in the procedure code's.
  'nhan chung|nguoi lam chung',
  'nan nhan|bi hai',
  'nghi pham|nghi can|nguoi bi tinh nghi',
  // "bị can chưa thành niên": the procedure code writes "người dưới 18 tuổi" (no "người" needed for either).
  'chua thanh nien|vi thanh nien|duoi 18 tuoi',
  // Seniority as the Luật Tổ chức VKSND writes it: "thời gian làm công tác pháp luật".
  'tham nien|thoi gian lam cong tac|thoi gian cong tac',
  'cai chet|chet nguoi',
  'nhan mat|nhan dang',
  'dich sai|dich gian doi',
  'tien di lai|chi phi di lai',
  'nop tre|tre han|qua han',
  // Taking content down online: the Luật An ninh mạng writes "xóa bỏ thông tin", "gỡ bỏ".
  'go bai|go bai dang|go bo|xoa bo|go xuong',
  'bai dang|thong tin',
  // A file kept by computer is, in the Luật Giao dịch điện tử, a "thông điệp dữ liệu"; paper is "văn bản giấy".
  'file dien tu|tep dien tu|thong diep du lieu',
  'ban giay|van ban giay',
  // How long one has to complain is the law's "thời hiệu khiếu nại".
  'thoi hieu khieu nai|thoi han khieu nai|bao lau de khieu nai|bao lau de gui don khieu nai|bao lau de nop don khieu nai',
  // An order is "ra lệnh" in the procedure code; people say they sign it.
  'ky lenh|ra lenh',
  // Where suspects are questioned.
  'noi hoi cung|phong hoi cung|co so hoi cung|co so thuc hien hoi cung',
  // Declining to receive someone: the Luật Tiếp công dân writes "từ chối tiếp".
  'khong tiep|tu choi tiep',
  // Abuse the laws name "xúc phạm" (a ground for refusing to receive someone, among others).
  'chui boi|chui mang|lang ma|xuc pham',
  // Someone's private affairs: the Luật Tiếp cận thông tin writes "đời sống riêng tư", "bí mật cá nhân, bí mật gia đình".
  // (Not "chuyện riêng", "đời tư": folded they are also "chuyển riêng", "đổi từ".)
  'doi song rieng tu|bi mat ca nhan|bi mat gia dinh|rieng tu',
  // Citizens' words for the procedure code's, each checked against how the knowledge base writes it
  // and folded clear of other words ("đi tù" would be "đi từ", "tài khoản" "tại khoản": left out).
  'quay phim|quay video|quay clip|quay hinh|ghi hinh',
  'khieu nai mieng|khieu nai bang mieng|khieu nai bang loi|khieu nai truc tiep',
  'khieu nai lan 2|khieu nai lan thu hai|khieu nai lan hai',
  'bat khan cap|bi bat khan cap|giu nguoi trong truong hop khan cap',
  'bat qua tang|bi bat qua tang|pham toi qua tang',
  'ep cung|ep khai|ep nhan toi|buc cung|dung nhuc hinh',
  'kham nha|luc soat nha|kham xet nha|kham xet cho o',
  'cam xuat canh|cam di nuoc ngoai|cam ra nuoc ngoai|tam hoan xuat canh',
  'tien bao lanh|nop tien bao lanh|dat tien de bao dam',
  'bang chung|chung cu',
  'tang vat|vat chung',
  'goi len lam viec|moi len lam viec|giay moi len|trieu tap|giay trieu tap',
  'hau toa|phien toa',
  'khang an|chong an|khang cao',
  'rut khang an|rut chong an|rut khang cao',
  'hoan xu|doi phien toa|hoan phien toa',
  'di kien|kien ra toa|khoi kien',
  'den bu|boi hoan|boi thuong',
  'an oan|oan sai|lam oan',
  'nua dem|dem khuya|ban dem|gio dem',
  'bai nai|don bai nai|rut yeu cau khoi to',
  'thu pham|hung thu|nguoi pham toi',
  'khai man|khai gian|khai bao gian doi',
  // People the laws protect in their own words.
  'ba bau|mang thai|dang co bau|phu nu co thai',
  'nuoi con nho|nuoi con duoi 36 thang tuoi',
  'tan tat|khuyet tat',
  'cam diec|khiem thinh|khiem thi|nguoi cam nguoi diec|nguoi diec|nguoi mu',
  'mu chu|khong biet doc|khong biet chu',
  'nam vien|nhap vien|om nang|om dau|benh nang',
  'thong dich|thong dich vien|phien dich vien|nguoi phien dich',
  'khong ranh tieng viet|khong noi duoc tieng viet|khong thong thao tieng viet|khong biet tieng viet',
  // Complaints, denunciations and reception.
  'tra dua|tru um|tru dap|bi tra thu',
  'hach sach|sach nhieu',
  'noi xau|boi nho|xuyen tac',
  'dan thong bao|dan len bang tin|niem yet',
  // Drawing others in: the Luật Tiếp công dân writes "kích động, cưỡng ép, dụ dỗ, lôi kéo".
  'ru re|du do|loi keo',
  // Taking case files home: the Luật Tổ chức VKSND forbids taking them "ra khỏi cơ quan".
  'mang ve nha|dem ve nha|ra khoi co quan',
  'dong phuc|quan ao|an mac|trang phuc',
  'duoi viec|sa thai|buoc thoi viec',
  'mat chuc|bai chuc|cach chuc',
  // Offices, documents and their security.
  'dong moc|dong dau',
  'lan tay|dau van tay|diem chi',
  'dau mat|dong dau mat|dau chi do mat',
  'go mat|het mat|giai mat',
  'buu dien|gui buu dien|chuyen phat nhanh|dich vu buu chinh|buu chinh',
  'dot tai lieu|may huy giay|cat huy|tieu huy',
  'cong van den|van ban den',
  'cong van di|van ban di',
  'font|font chu|phong chu',
  'mang lan|mang noi bo|intranet',
  'hack|hacker|tin tac|bi hack|tan cong mang|xam nhap trai phep',
  'virus|phan mem doc hai|chuong trinh tin hoc gay hai',
  'mo tu thi|mo xac|kham nghiem tu thi',
];

/**
 * Words that name a concept the other way round too broadly: "bắt đầu áp dụng (từ ngày …)" asks when a
 * document takes effect, but "có hiệu lực" read as "áp dụng" would draw in every article on applying
 * something. Each phrase on the left has those on the right as alternatives, not the reverse.
 */
const ONE_WAY: readonly string[] = [
  // Releasing someone held: the procedure code "trả tự do" (not the other way: "thả" is many things).
  // ("được tha" and "thả họ" fold like the law's "được tha tù" and "tha hồ").
  'tha nguoi|tha ra|tha ve>tra tu do',
  // A deadline: the law writes "chậm nhất (vào ngày …)", and a deadline to complain is its "thời hiệu"
  // (one way: no text writes "hạn chót"). Not "thời hạn", which every time limit is: on the studied
  // sets it drew 5 questions to other time limits.
  'han chot|han cuoi>cham nhat|thoi hieu',
  // Bail is "bảo lĩnh"; "bảo lãnh", its everyday misnomer, is written nowhere in the procedure code.
  'bao lanh>bao linh',
  // One's mother tongue, as the procedure code puts a minority's right to use it.
  'tieng me de>tieng noi va chu viet cua dan toc minh',
  // A doctor's or professor's title is an academic degree or rank ("không ghi học hàm, học vị").
  'tien si|thac si|giao su|pho giao su>hoc ham|hoc vi',
  'bat dau ap dung>co hieu luc',
  // Released pending trial is, in the procedure code, either of two measures (not one for the other).
  'tai ngoai|xin tai ngoai|duoc tai ngoai>bao linh|dat tien de bao dam',
  // Having someone act for one ("nhờ ai thay mình", "nhờ người khác") is, in the laws, "ủy quyền". Not
  // "làm thay", "khiếu nại thay" (they fold like "làm thay đổi", "khiếu nại thay đổi"), nor a bare "nhờ ai"
  // ("nhờ ai tư vấn", and "nhớ ai").
  'nho nguoi khac|nho nguoi than|nho ai thay>uy quyen',
  // Leaving one's locality is what "cấm đi khỏi nơi cư trú" forbids.
  'roi khoi dia phuong|di khoi dia phuong|roi dia phuong|ra khoi dia phuong>di khoi noi cu tru',
  // A text that replaces another says, in its last article, that the other "hết hiệu lực".
  'thay the luat|thay cho luat|thay the bo luat|thay cho bo luat|thay the nghi dinh|thay cho nghi dinh|thay the phap lenh|thay cho phap lenh>het hieu luc',
];

/** Each group's phrases as syllable arrays. */
const THESAURUS: readonly (readonly string[][])[] = GROUPS.map((g) => g.split('|').map((p) => fold(p).split(' ')));
const ONE_WAY_PHRASES = ONE_WAY.map((rule) => rule.split('>').map((side) => side.split('|').map((p) => fold(p).split(' '))));

/** The groups' phrases, folded ("tra tien"), for checking the list itself. */
export const THESAURUS_GROUPS: readonly (readonly string[])[] = THESAURUS.map((g) => g.map((p) => p.join(' ')));
/** The one-way entries' phrases, folded: [from, to]. */
export const ONE_WAY_GROUPS: readonly (readonly (readonly string[])[])[] = ONE_WAY_PHRASES.map((sides) => sides.map((side) => side.map((p) => p.join(' '))));

export interface SynonymMatch {
  /** The question's own phrase, folded syllables. */
  phrase: string[];
  /** Where it starts in the syllables searched. */
  start: number;
  /** The other phrases of its group. */
  alternatives: string[][];
}

/** The phrases with the rest of their group, by first syllable, in the thesaurus's order. */
const PHRASES = new PhraseTable([
  ...THESAURUS.flatMap((group) => group.map((phrase) => ({ phrase, alternatives: group.filter((p) => p !== phrase) }))),
  ...ONE_WAY_PHRASES.flatMap(([from, to]) => from.map((phrase) => ({ phrase, alternatives: to }))),
]);

/** Thesaurus phrases written in a run of folded syllables, with their alternatives (at a position, in the thesaurus's order). */
export function findSynonyms(folded: readonly string[]): SynonymMatch[] {
  const out: SynonymMatch[] = [];
  for (let i = 0; i < folded.length; i++) {
    PHRASES.forEachAt(folded, i, (e) => out.push({ phrase: e.phrase, start: i, alternatives: e.alternatives }));
    const minor = minorAt(folded, i) ?? crowdAt(folded, i);
    if (minor) out.push(minor);
  }
  return out;
}

/** Words for a child, before an age: "trẻ 15 tuổi", "em 16 tuổi", "cháu bé 12 tuổi". */
const CHILD = new Set(['tre', 'em', 'chau', 'be']);
/** How the procedure code names anyone under eighteen, whatever their age. */
const MINOR: string[][] = [
  ['duoi', '18', 'tuoi'],
  ['chua', 'thanh', 'nien'],
];

/**
 * An age under eighteen ("bị can 17 tuổi", "trẻ 15 tuổi") is, in the laws, "người dưới 18 tuổi"
 * or "người chưa thành niên": the question's phrase, a child word before the age included, with
 * those as its alternatives. Starts at `i` only (the child word or the age).
 */
function minorAt(folded: readonly string[], i: number): SynonymMatch | undefined {
  const lead = CHILD.has(folded[i]) ? 1 : 0;
  const age = folded[i + lead];
  if (!age || !/^\d{1,2}$/.test(age) || folded[i + lead + 1] !== 'tuoi' || Number(age) >= 18) return undefined;
  // "dưới 16 tuổi" is itself a bound the law writes, no age of one person; after a child word the
  // match starts at that word.
  if (!lead && i > 0 && (folded[i - 1] === 'duoi' || folded[i - 1] === 'tren' || folded[i - 1] === 'du' || CHILD.has(folded[i - 1]))) return undefined;
  return { phrase: folded.slice(i, i + lead + 2), start: i, alternatives: MINOR };
}

/** Counts of people a question may give in words (folded): "ba người cùng đứng tên", "vài người". */
const PEOPLE_COUNT_WORDS = new Set(['hai', 'ba', 'bon', 'bay', 'tam', 'chin', 'muoi', 'vai', 'chuc']);
/** How the laws name a group of complainants or denouncers, however many. */
const MANY: string[][] = [['nhieu', 'nguoi']];

/**
 * A number of people ("8 người dân cùng kéo đến", "ba người cùng đứng tên một đơn") is, in the laws,
 * "nhiều người" ("Trường hợp nhiều người cùng khiếu nại …"): two or more, in digits or in words.
 * Starts at `i` only (the number).
 */
function crowdAt(folded: readonly string[], i: number): SynonymMatch | undefined {
  const n = folded[i];
  if (!n || folded[i + 1] !== 'nguoi') return undefined;
  if (!(/^\d{1,3}$/.test(n) ? Number(n) >= 2 : PEOPLE_COUNT_WORDS.has(n))) return undefined;
  return { phrase: folded.slice(i, i + 2), start: i, alternatives: MANY };
}

/**
 * A chunk's syllables with the question's thesaurus phrases counted as present wherever the chunk
 * holds every syllable of one of their alternatives: coverage of a paraphrase by the passage
 * that answers it in the field's words.
 */
export function withAlternatives(have: Lookup, matches: readonly SynonymMatch[]): Lookup {
  const extra = new Set<string>();
  for (const m of matches) if (m.alternatives.some((alt) => alt.every((s) => have.has(s)))) for (const s of m.phrase) extra.add(s);
  return union(have, extra);
}
