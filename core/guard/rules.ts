/**
 * The input guard's decision, over the canonical text of normalize.ts.
 *
 * The rule of thumb: a message is refused when it points at classified
 * *material* (a document, file, case or piece of information bearing a
 * classification) and is not a question about the public rules that govern
 * such material; or when it tries to change who the assistant is or what it
 * obeys. Every regular expression is compiled here, once.
 */
import * as L from './lexicon.js';
import { isUnaccented } from '../text.js';

export type GuardCategory =
  | 'classified-content'
  | 'classified-existence'
  | 'injection'
  | 'authority-claim'
  | 'laundering'
  | 'encoding-trick'
  /** A password, PIN or private key asked for: no answer holds one, and asking is phishing. */
  | 'credentials'
  /** Who denounced or informed in a particular matter: an identity the law keeps secret. */
  | 'protected-identity'
  /** Read as an attack by the learned model (intent.ts), not by a rule. */
  | 'learned-intent';

/** A phrase bounded by token edges (tokens are single-space separated). */
const phrase = (p: string) => `(?<![^ ])(?:${p})(?![^ ])`;
const any = (ps: string[]) => ps.map((p) => `(?:${p})`).join('|');
const rx = (p: string, flags = '') => new RegExp(phrase(p), flags);
/** Does the text hold one of the strings a pattern cannot match without (see the *_NEEDLES)? */
const holdsAny = (text: string, needles: readonly string[]) => needles.some((n) => text.includes(n));

/** What a document says, asked for: "nội dung", "chi tiết", "toàn văn", "nguyên văn". */
const CONTENT_WORDS = 'noi dung|chi tiet|toan van|nguyen van';
/** Each concept with a string it cannot match without: most messages hold none, and skip its pattern. */
const CONCEPTS = L.CONCEPTS.map(([p, to, needle]) => [rx(p, 'g'), to, needle ?? ''] as const);
const MATERIAL = rx(any(L.MATERIAL), 'g');
/** The same, for a test of one clause (a global pattern's `test` resumes where its last match ended). */
const MATERIAL_IN = rx(any(L.MATERIAL));
const GENERIC = rx(any(L.GENERIC_SECRET), 'g');
const STRICT_NORMATIVE = rx(L.STRICT_NORMATIVE);
const STATUS = rx(L.STATUS);
const SANCTION = rx(L.SANCTION);
const CONTENT_NOUN_BEFORE = new RegExp(`${phrase(L.CONTENT_NOUN)} ?$`);
const CONTENT_NOUN_START = new RegExp(`^${L.CONTENT_NOUN}`);
/** "có được trao đổi nội dung [bí mật nhà nước] qua Zalo … không?": whether one may, a rule. */
const ALLOWED_TO_BEFORE = new RegExp(`(?:^| )(?:co )?duoc (?:phep )?(?:[^\\s|]+ ){1,3}(?:${phrase(L.CONTENT_NOUN)} ?)?$`);
const BEARING_BEFORE = / (?:co|chua|mang) ?$/;
const NORMATIVE = rx(L.NORMATIVE);
const SAYS = rx(L.SAYS);
const EXIST = rx(any(L.EXIST));
/** EXIST without the bare "có … không": what a class of material does, asked yes or no, is a rule. */
const EXIST_BEYOND_YES_NO = rx(any(L.EXIST.filter((e) => e !== L.YES_NO_EXIST)));
/** The material opening the message, then "có … không?" with no wh-word: "Văn bản mật có dùng chung hệ thống số … không?". */
const CLASS_YES_NO = new RegExp(
  `^ co (?:[^\\s|]+ ){0,2}(?:${L.HANDLING})(?: (?:(?!(?:nao|bao|dau|ai|gi|nay|do_?|day|kia|ay|o|tai)(?: |$))[^\\s|]+)){0,12} (?:khong|ko)$`,
);
/**
 * "Được soạn thảo tài liệu mật trên máy tính nối mạng không?": opened by "được" and closed by "không",
 * the message asks whether the rules allow something, however long the thing between.
 * Not when it is handed to the asker ("… cho tôi không?"): that is a request.
 */
/** A follow-up's opening particle before the material ("Thế văn bản mật có … không?"): the material still opens the question. */
const OPENING_PARTICLE = /^(?:the|vay|con|the con|vay con|vay thi|the thi|a|da|vang) $/;
const PERMISSION_ASKED = new RegExp(`^(?:co )?duoc (?:phep )?(?:[^\\s|]+ ){1,16}(?:khong|ko)$`);
const TO_ASKER = rx(`cho ${L.PRON1}`);
const BYPASS = rx(L.BYPASS);
/** A marking word as canonical() leaves it: "mất" and "mắt" are "mat_", other senses of "mật" are concepts. */
const MARKED = rx(`${L.MARKING}|xdomat`);
const INJECTION = rx(any(L.INJECTION));
const ROLEPLAY = rx(any(L.ROLEPLAY));
const PERMISSION = rx(any(L.PERMISSION_CLAIM));
const ROLE = rx(any(L.ROLE_CLAIM));
const PRIVILEGE = rx(L.PRIVILEGE);
const STRONG = rx(L.STRONG_MARKERS);
const QUESTION_PARTICLE = rx('khong|ko|hok|chua|hay_? khong|duoc khong|phai khong|sao|nao|gi|the nao|ra sao|khong a');
const ENCODING_WITH_ANSWER = rx(`${L.ANSWER_VERB} ${L.far(6)}${L.ENCODING}|${L.ENCODING} ${L.far(6)}${L.ANSWER_VERB}`);
const ENCODING = rx(L.ENCODING);

const NOT_RULE = `(?:(?!(?:${L.RULE_NOUN})(?: |$))\\S+ )`;
/** A request verb then, within 8 tokens and no rule noun between, the end of the head (where the target starts). */
const REQUEST_BEFORE = new RegExp(`${phrase(any(L.REQ_STRONG))} ${NOT_RULE}{0,8}$`);
const REQUEST_AT_END = new RegExp(`${phrase(any(L.REQ_STRONG))} ?$`);
const LAUNDER_BEFORE = new RegExp(`${phrase(any(L.LAUNDER))} ${NOT_RULE}{0,10}$`);
const LAUNDER_AT_END = new RegExp(`${phrase(any(L.LAUNDER))} ?$`);
const LAUNDER = rx(any(L.LAUNDER));
const CONTENT = rx(L.CONTENT);
const CONDITION_QUESTION = rx(L.CONDITION_QUESTION);
/** "Cho tôi <thing>" opening a message asks for the thing ("Cho tôi hỏi" asks a question). */
const HAND_ME = new RegExp(`^(?:cho|xin) ${L.PRON1} (?!hoi )`);
/**
 * The list's items asked for one by one: "liệt kê danh mục … theo số thứ tự", "so sánh danh mục … từng mục",
 * "nội dung mục 1 của danh mục …". Listing, comparing or numbering them is reading them out.
 */
const LIST_ITEMS = rx(
  '(?:liet ke|ke ten|ke ra|ke het|trich xuat|in ra|so sanh|lap bang|lam bang) (?:\\S+ ){0,3}?xdanhmuc' +
    '|xdanhmuc (?:\\S+ ){0,14}?(?:tung muc|cac muc|nhung muc|muc (?:so )?\\d+|so thu tu)' +
    '|(?:tung muc|cac muc|muc (?:so )?\\d+) (?:\\S+ ){0,4}?xdanhmuc',
);
/**
 * A credential's value asked for: "mật khẩu đăng nhập hệ thống … của VKSND tỉnh là gì", "mã PIN của USB token …"
 * handed over ("cho tôi mã PIN …"), spelled out or exported, or a guessed one put up to be confirmed. Read on
 * the canonical text, before "mật khẩu" becomes a concept. ("pin" alone is a battery; "pass" reads "pas", the
 * canonical text dropping a doubled final consonant; "mk" is chat for "mật khẩu" only before what it unlocks:
 * "cho mk hỏi" is "mình".)
 */
const CREDENTIAL = '(?:mat khau|ma pin|ma otp|otp|khoa bi mat|private key|password|pas|api key|api token|acces token|token truy cap|mk(?= (?:email|mail|wifi|wi fi|he thong|vpn|may tinh|dang nhap)(?: |$)))';
/**
 * An internal system's network settings: its IP addresses, firewall rules, VPN settings. Only of the
 * office's own servers or network, not what an IP address is or what the law lets operators hand over.
 */
const NETWORK = '(?:dia chi ip|dai ip|ip|cau hinh (?:tuong lua|firewall|vpn|router)|thong so vpn|tuong lua|firewall|rule tuong lua|cong (?:dang )?mo)';
const INTERNAL = '(?:may chu|server|mang noi bo|noi bo|he thong (?:quan ly|noi bo)|cua (?:vien|vks\\S*|co quan|don vi|phong|nganh))';
/** Handing something to the asker ("cho tôi / em / mình …"), not "cho tôi hỏi …", a question. */
const TO_ME = 'cho (?:toi_?|em|minh|mk)(?! hoi )';
const NETWORK_ASKED = rx(
  `${NETWORK} (?:\\S+ ){0,6}?${INTERNAL}(?: \\S+){0,6}? (?:la gi|la bao nhieu|gom (?:nhung )?(?:gi|thong so gi)|nhung (?:cong|ip) nao|cho phep (?:nhung )?\\S+ nao)` +
    `|${INTERNAL} (?:\\S+ ){0,4}?(?:co )?${NETWORK} (?:la gi|la bao nhieu)` +
    `|(?:${TO_ME}|gui|cung cap|xin|tiet lo) (?:\\S+ ){0,3}?${NETWORK} (?:\\S+ ){0,4}?${INTERNAL}` +
    // "… địa chỉ IP, VLAN và cấu hình tường lửa của mạng nội bộ": the office's own network named further on
    // (not "… IP người dùng theo yêu cầu của cơ quan nào", an operator's duty).
    `|(?:${TO_ME}|gui|tiet lo) (?:\\S+ ){0,3}?${NETWORK} (?:\\S+ ){0,8}?(?:mang noi bo|may chu|server)` +
    `|what is the ip (?:addres )?of (?:the |our )?(?:internal|office)`,
);
const CREDENTIAL_NAMED = rx(`${CREDENTIAL}|${NETWORK}|tai khoan admin|pin (?:for|of) (?:the|our|your|this)`);
/** Strings CREDENTIAL_NAMED cannot match without: most messages hold none, and skip its pattern. */
const CREDENTIAL_NEEDLES = ['mk ', 'pin ', 'mat khau', 'ma pin', 'otp', 'khoa bi mat', 'private key', 'pas', 'api ', 'acces token', 'token truy cap', 'ip', 'tuong lua', 'firewall', 'vpn', 'router', 'cong ', 'tai khoan admin'];
/** Handing one over, reading it out or exporting it; not "cho tôi hỏi …", a question. */
const HAND_OVER = `(?:${TO_ME}|gui|cung cap|xin|doc|doc to|nhac|dua|tiet lo|danh van|xuat|share|give me|send me|tel me)`;
const CREDENTIAL_ASKED = rx(
  `${CREDENTIAL} (?:\\S+ ){0,16}?(?:cua|mac dinh|dang nhap|hien tai|hien nay|noi bo|truy cap|may tinh|he thong|tai khoan|wi fi|wifi|vpn|email|usb|token) (?:\\S+ ){0,16}?(?:la gi|la bao nhieu|la so nao|la (?:chuoi|ma|day|day so) (?:gi|nao)|luu o dau|de o dau|cat o dau)` +
    `|${HAND_OVER} (?:\\S+ ){0,4}?${CREDENTIAL}` +
    // "xuất danh sách tài khoản và mật khẩu …": an export of accounts with their credentials.
    `|(?:xuat|gui|cung cap|cho (?:toi_?|em|minh|mk)) (?:\\S+ ){0,3}?danh sach (?:\\S+ ){0,4}?${CREDENTIAL}` +
    `|tai khoan admin (?:\\S+ ){0,6}?la gi` +
    // "what is the private key stored on our token": one in use, not what such a key is.
    `|(?:what is|what s|tel me|give me|send me) (?:the |our )?${CREDENTIAL} (?:\\S+ ){0,2}?(?:stored|kept|saved|used|set) (?:on|in|for|by) (?:our|your|this)` +
    // "what is the admin password for the … system": the one set on a system, not a password policy.
    `|(?:what is|what s|tel me|give me|send me) (?:the |our |your )?(?:\\S+ ){0,2}?(?:password|pas|private key|pin) (?:for|of|to) (?:the|our|your|this|vksnd|\\S+ system)`,
);
/** A guessed credential put up to be confirmed ("… là 'Vks@2024!', đúng hay sai?"). */
const CONFIRMED = rx('dung hay_? sai|dung khong|phai khong|xac nhan|dung chua');
/** One in use, asked for as an example ("cho ví dụ mã đang dùng"): a credential whatever rule is asked beside it. */
const CREDENTIAL_IN_USE = rx('(?:vi du|cho (?:xem|biet)) (?:\\S+ ){0,3}?(?:ma|mat khau|khoa) (?:\\S+ ){0,2}?dang (?:dung|su dung)');
/**
 * Asked of credentials in general, a question is a rule, a definition or a procedure ("Mã PIN … dùng để làm gì?",
 * "thủ tục cấp lại mật khẩu", "mức phạt khi để lộ mật khẩu"). Phrases, where a folded word has other senses
 * ("mạnh" is a name, "nén" a file, "đội" a team).
 */
const CREDENTIAL_RULE = rx(
  'ai (?:chiu|quan ly|cap|duoc|co trach nhiem)|trach nhiem|quy dinh|thu tuc|quy trinh|the nao|lam sao|bao lau|dinh ky|de lam gi|dung de|tac dung|nghia la|khai niem|duoc hieu|(?:bao nhieu|may|toi thieu|it nhat) ky tu|' +
    'cap lai|dat lai|doi mat khau|doi ma|khoi phuc|reset|an toan|(?:do|du|khong du) manh|manh (?:the nao|nhu the nao)|mat khau manh|quy tac|tieu chuan|do dai|' +
    'muc phat|xu phat|xu ly|hinh phat|bi phat|vi pham|khac (?:gi|nhau|voi)|co duoc|(?:co|khong) nen|bi cam|nghiem cam|' +
    'co can|truong hop nao|theo (?:luat|quy dinh|tcvn)|cap do|toi thieu|mau cau hinh|' +
    // "… thì luật gọi hành vi này là gì?": the law's name for an act; "văn thư phải cất ở đâu": a duty.
    '(?:luat|phap luat) goi|goi (?:\\S+ ){0,3}?la gi|hanh vi (?:nay |do )?(?:la gi|goi la)|phai (?:cat|luu|bao quan|giu|de) (?:\\S+ ){0,2}?(?:o dau|noi nao|cho nao|the nao|nhu the nao|ra sao)',
);

/** Does the message ask for a credential's value (see CREDENTIAL_ASKED, CONFIRMED, CREDENTIAL_IN_USE)? */
function asksForCredential(canon: string): boolean {
  if (!holdsAny(canon, CREDENTIAL_NEEDLES) || !CREDENTIAL_NAMED.test(canon)) return false;
  if (CREDENTIAL_IN_USE.test(canon)) return true;
  if ((CREDENTIAL_ASKED.test(canon) || NETWORK_ASKED.test(canon) || CONFIRMED.test(canon)) && !CREDENTIAL_RULE.test(canon)) return true;
  // "Mức phạt khi để lộ mật khẩu là bao nhiêu, cho tôi biết luôn mật khẩu mặc định": a rule asked in one clause
  // does not make the request in another one.
  return canon.split(' | ').some((c) => (CREDENTIAL_ASKED.test(c) || NETWORK_ASKED.test(c)) && !CREDENTIAL_RULE.test(c));
}

/**
 * Who denounced, informed on or reported someone in a particular matter: the law keeps that person's
 * identity secret (Luật Tố cáo, BLTTHS), and so does the assistant. Asking about the protection itself
 * ("có được tiết lộ họ tên người tố cáo không?", "người tố cáo là ai theo luật?") is a rule question.
 */
/** The one who reported, as a question names them: "người (đã) tố cáo", "ai đứng đơn tố cáo", "kẻ báo tin". */
const REPORTER =
  '(?:nguoi|nhung nguoi|ai|ke|nguoi nao) (?:da |vua )?(?:dung don |dung ten |gui don |viet don |ky don )?(?:to cao|to giac|bao tin|cung cap tin|bao cho (?:co quan|cong an))';
/**
 * One matter, not the role in general: someone titled or named ("ông Hùng", "Phó Viện trưởng"), a time,
 * "that" one, an incident ("vụ trộm"), or the asker ("tôi", written so). Not "tội phạm" (folded "toi"), "vụ án" or
 * "cán bộ" at large.
 */
const PARTICULAR =
  '(?:(?:ong|ba|anh|chi|chu|bac) (?!ba\\b|ong\\b|cung\\b|la\\b|co\\b|trai\\b|gai\\b|ruot\\b|ho\\b|nguoi\\b)\\S+|pho \\S+|vu (?!an\\b|viec\\b|nay\\b)\\S+|truong phong|chu tich|giam doc|vien truong|dong chi|toi_|minh|don (?:nay|do_|so \\S+)|thang truoc|tuan truoc|hom qua|hom truoc|nam ngoai|vua roi|gan day|moi day|do_|nay|kia|ay|o (?:xa|huyen|tinh|phong|co quan|don vi) \\S+)';
const IDENTITY =
  '(?:ai|la ai|ho ten|ho va ten|ten (?:that |day du )?(?:la )?(?:gi|nao)|ten gi|danh tinh|danh sach|ds|dia chi|so dien thoai|sdt|que quan|noi o|song o dau|lam o dau|lam o phong nao|cong tac o dau|thong tin|(?:la )?nam hay_? nu)';
/** A direct "who is it": no rule word beside it makes that a question on the rules. */
const WHO_ASKED = rx('la ai|ten (?:la )?gi|ten gi|ho ten (?:la )?gi|(?:la )?nam hay_? nu');
/** A guess put up to be confirmed: "…, đúng không?", "… à?". */
const CONFIRM_TAIL = '(?:\\S+ ){0,8}?(?:phai khong|dung khong|phai ko|dung ko|dung chua|dung hay_? sai|a|ha|ha_)$';
/** The same without a bare "à / ạ", which closes any polite question ("… nộp đơn ở đâu ạ?"). */
const CONFIRM_ASKED = '(?:\\S+ ){0,8}?(?:phai khong|dung khong|phai ko|dung ko|dung chua|dung hay_? sai)$';
const REPORTER_NAMED = rx(
  `${IDENTITY} (?:\\S+ ){0,4}?${REPORTER} (?:\\S+ ){0,3}?${PARTICULAR}` +
    `|${REPORTER} (?:\\S+ ){0,3}?${PARTICULAR} (?:\\S+ ){0,10}?(?:la ai|ten (?:la )?gi|ten gi|song o dau|lam o (?:dau|phong nao)|(?:la )?nam hay_? nu|la (?:ong|ba|anh|chi|chu) \\S+|co phai (?:la )?(?:ong|ba|anh|chi|chu) \\S+)` +
    // "… người tố giác là anh trưởng phòng phải không": a name put up to be confirmed.
    `|${REPORTER} (?:\\S+ ){0,3}?(?:la|co phai(?: la)?) (?:ong|ba|anh|chi|chu|nguoi trong) \\S+ ${CONFIRM_TAIL}` +
    `|${REPORTER} (?:\\S+ ){0,3}?co phai(?: la)? (?:ong|ba|anh|chi|chu|nguoi trong) \\S+ (?:\\S+ ){0,6}?khong$` +
    // "Lan có phải là người tố cáo ông Hùng không?"
    `|co phai (?:la )?${REPORTER} (?:\\S+ ){0,3}?${PARTICULAR} (?:\\S+ ){0,3}?khong$` +
    `|co phai (?:ong|ba|anh|chi|chu) (?!ba\\b|ong\\b|cung\\b)(?:\\S+ ){1,8}?(?:la )?${REPORTER}` +
    `|${REPORTER} (?:\\S+ ){0,3}?${PARTICULAR} ${CONFIRM_ASKED}` +
    // "Chị Lan là người tố cáo ông Hùng à?": a name first, put up to be confirmed.
    `|^(?:\\S+ ){1,3}?la ${REPORTER} (?:\\S+ ){0,3}?${PARTICULAR} ${CONFIRM_TAIL}` +
    // "Ai (đã) tố cáo ông …?", "Đơn tố cáo ông Hùng do ai viết?": who did it.
    `|^(?:\\S+ ){0,3}?(?:ai|nguoi nao|ke nao) (?:da |vua )?(?:dung don |gui don |viet don |ky don )?(?:to cao|to giac|bao tin) (?:\\S+ ){0,2}?${PARTICULAR}` +
    `|don to cao ${PARTICULAR} (?:\\S+ ){0,3}?do ai (?:viet|gui|dung|ky|lam)` +
    // "cần số điện thoại riêng và địa chỉ nhà của người tố giác trong vụ án": how to reach one person is asked for.
    `|(?:can(?! bo)|xin|cho (?:toi_?|em|minh)|gui|tra|tim|lay) (?!(?:\\S+ ){0,3}?(?:ghi|khai|neu) )(?:\\S+ ){0,3}?(?:so dien thoai|sdt|dia chi nha|noi o|cho o)(?: \\S+){0,8}? (?:cua )?${REPORTER}`,
);
/** Rule words: asked with them, and without a direct "who is it", the clause is about the protection. */
const REPORTER_RULE = rx(
  '(?:co|khong|moi) duoc|duoc (?:giai quyet|thu ly|bao ve|xu ly)|duoc phep|neu|truong hop|bao ve|giu bi mat|quy dinh|theo (?:luat|quy dinh|phap luat)|trach nhiem|quyen (?:va|cua) nguoi to cao|nghia vu|xu ly (?:the nao|ra sao)|bi_? (?:xu ly|phat|ky luat)|thi (?:sao|ai|gui|nop|phai|can|lam (?:the nao|sao|gi))|co can (?:\\S+ ){0,8}?(?:khong|ko)',
);

/** Someone else's question told ("… đến hỏi ai là …", "đòi biết tên …"), not the asker's. */
const TOLD_ASKING = rx('(?:den|lai|gap|goi dien|nhan tin) (?:\\S+ ){0,2}?(?:hoi|hoi xin|xin|doi|muon)(?: thang| lien| ngay)? (?:biet )?(?:ai|ten|ho ten|danh tinh|thong tin)');

const REPORT_NEEDLES = ['to cao', 'to giac', 'bao tin', 'cung cap tin', 'bao cho'];

/** Does a clause of the message ask who the reporter in a particular matter is? */
function asksReporter(canon: string): boolean {
  // Every branch names a report ("tố cáo", "tố giác", "báo tin", "cung cấp tin", "báo cho …"): most messages name none.
  if (!holdsAny(canon, REPORT_NEEDLES)) return false;
  const clauses = canon.split(' | ');
  // "Người bị tố cáo đến hỏi ai là người viết đơn …, em có được nói cho họ biết không?": someone else's
  // question told, and the asker's own about the rule.
  const ruleAsked = clauses.some((c) => REPORTER_RULE.test(c) && !REPORTER_NAMED.test(c));
  return clauses.some((c) => REPORTER_NAMED.test(c) && (WHO_ASKED.test(c) || !REPORTER_RULE.test(c)) && !(ruleAsked && TOLD_ASKING.test(c)));
}

/**
 * An exam not yet sat: its questions and answers are state secrets until the exam opens. Asking for them,
 * their topics, or who set them is refused; how exam papers are protected is a rule question.
 */
const EXAM_WORDS = "de thi(?! hanh)|de kiem tra|cau hoi thi|cau hoi (?:cua )?(?:bai thi|ky thi)|cau hoi phong van|dap an|nguoi ra de|ra de|ky thi (?:\\S+ ){0,3}(?:se )?hoi (?:nhung )?(?:cau|gi)";
const EXAM = rx(EXAM_WORDS);
/** Written with accents, "để thi hành", "để kiểm tra" (in order to) are no "đề thi", "đề kiểm tra". */
const EXAM_WRITTEN = /đề thi|đề kiểm tra|câu hỏi|đáp án|ra đề|kỳ thi|ky thi/u;
const UPCOMING = rx(
  'nam nay|sap toi|sap dien ra|sap thi|dot toi|ky toi|(?:ky|dot) thi toi|(?:ky|dot) (?:thi )?(?:\\S+ ){0,4}toi$|toi day|dot nay|lan nay|ky nay|tuan nay|thang nay|tuan sau|thang sau|ngay mai|sang mai|chieu mai|cuoi nam|(?:chua|truoc khi|truoc ngay|truoc gio) thi|chua thi|niem phong|chua mo|lo truoc|leak|(?:gui|xin|cho) (?:\\S+ ){0,2}?truoc|chinh thuc',
);
/** How exam papers are protected, set, approved, opened, or what leaking them costs; or a practice test asked for. */
const EXAM_RULE = rx(
  'quy che|quy dinh|bao mat (?:nhu|the|ra|theo)|bao quan|duoc bao ve|theo (?:luat|quy dinh)|do mat|hoi chung|thi xong|tham quyen|phe duyet|trach nhiem|trinh tu|quy trinh|thu tuc (?:mo|niem phong|ra de|phe duyet|bao quan)|khac nhau|xu ly|bi_? (?:phat|xu ly|ky luat)|lam lo|toi lam|pham vi|cau truc|gom may phan|hinh thuc thi|mon thi|thoi gian lam bai|cong bo|phuc khao|co de thi (?:viet|trac nghiem)|(?:soan|tao|ra) (?:giup (?:toi_? |em |minh )?|cho (?:toi_?|em|minh) )?(?:mot |\\d+ )?(?:bo )?(?:de kiem tra|cau hoi|de on|de thi thu)|on tap',
);
/** What the paper holds asked outright: no rule word beside it makes that a question on the rules. */
const EXAM_CONTENT_ASKED = rx('co (?:nhung )?cau(?: hoi)? (?:nao|gi)|cau (?:nao|gi)|hoi (?:ve )?(?:gi|nao|luat nao|dieu nao)|gom (?:nhung )?cau|ra (?:phan|cau) nao|dap an (?:la gi|nhu the nao)');
/** Strings EXAM cannot match without (most messages hold none, and skip its pattern). */
const EXAM_NEEDLES = ['de thi', 'de kiem tra', 'cau hoi', 'dap an', 'ra de', 'ky thi'];
/** A clause that points at the exam words of another ("…? Gửi trước đề năm nay cho mình"). */
const BARE_PAPER = rx('de');

/** Does a clause of the message ask after an exam not yet sat (its questions, answers, topics or setter)? */
function asksUpcomingExam(canon: string, raw: string | undefined): boolean {
  if (!holdsAny(canon, EXAM_NEEDLES) || !EXAM.test(canon)) return false;
  if (raw !== undefined && !isUnaccented(raw) && !EXAM_WRITTEN.test(raw.normalize('NFC').toLowerCase())) return false;
  return canon.split(' | ').some((c) => (EXAM.test(c) || BARE_PAPER.test(c)) && UPCOMING.test(c) && (EXAM_CONTENT_ASKED.test(c) || !EXAM_RULE.test(c)));
}

/** The list as it really is ("ghi đúng như bản thật", "nguyên văn"), whatever procedure frames the question. */
const AS_WRITTEN = rx('ban that|ban goc|dung nhu ban|nguyen van|chinh xac tung');
/** What is asked of a list that is a rule: who makes it, how, by when. */
const LIST_RULE = rx('tham quyen|xthamquyen|thoi han|thu tuc|quy trinh|trinh tu|ban hanh|sua doi|bo sung|tham dinh|xay dung|nguyen tac|quy dinh|quyet dinh|do ai');
// Its content named after it ("danh mục … kèm nội dung chi tiết") or right before it ("nguyên văn danh mục …").
const LIST_CONTENT = rx('xdanhmuc (?:\\S+ ){0,8}?(?:noi dung|chi tiet|toan van|nguyen van|contents?|details?)|(?:noi dung|chi tiet|toan van|nguyen van|ban day du) (?:cua )?xdanhmuc');
/**
 * A document number or "số 12" right after the target: a specific document. A number of days,
 * months, people or pages ("kéo dài 2 ngày", "gồm 3 trang") counts something, it names nothing.
 */
const NUMBERED = /^ ?(?:\S+ ){0,2}?(?:so \d+|(?<!(?:dieu|khoan|diem|chuong|muc|phu luc) )\d+ (?!(?:ngay|thang|nam|gio|tuan|phut|lan|nguoi|trang|ban|bo|muc|loai|cap|do|ngay lam viec) )[a-z]|ngay \d+)/;
/** Asking to be told what something says: "cho tôi biết nội dung …", "kể lại chi tiết …". */
const TELL_CONTENT = rx(`(?:cho ${L.PRON1} (?:biet|xem|doc|nghe)|ke lai|noi ro|tiet lo|doc cho ${L.PRON1}) (?:\\S+ ){0,2}?(?:${CONTENT_WORDS})`);
/** Naming instances: "kể tên vài vụ", "liệt kê các hồ sơ". */
const NAME_INSTANCES = rx(`(?:ke ten|liet ke|ke ra|chi ra) (?:\\S+ ){0,2}?(?:${L.DOC}|vu)`);
/** A part of a document ("đoạn kết luận", "trang 2 của báo cáo"): asked for in a request, it is that document's text. */
const PART_OF_DOC = rx(`(?:doan|phan|trang|dong|cau) (?:\\S+ ){0,2}?${L.DOC}`);
/** A document pointed at ("tài liệu đó", "bản sao văn bản này"). */
const POINTED_DOC = rx(`${L.DOC} (?:\\S+ ){0,2}?(?:do_?|nay|ay|kia|tren)`);
const DOC_NOUN = rx(L.DOC);
const LEVEL_CONCEPT = rx('xdomat');
/** Material held somewhere now ("đang giữ", "đang lưu", "trong kho"): where it is, not a rule. */
const HOLDING = rx('(?:dang (?:giu|luu|cat|quan ly|co)|trong kho|tai kho)');
/**
 * How many envelopes material is sent in ("làm mấy lớp bì"), whether it is numbered apart ("lấy số chung …
 * hay riêng"): the rule on handling it.
 */
const HANDLING_RULE_ASKED = rx('(?:lam|dong|dung|cho vao|bo vao|dung trong) (?:may|bao nhieu) lop (?:bi_?|phong bi_?)(?= |$)|(?:lay so|danh so|dang ky|vao so) (?:chung|rieng)(?= |$)');
/** "khi gửi / khi sao, chụp …" right before the material: it is what a procedure handles. */
const WHILE_HANDLING_WORDS = `khi (?:[^\\s|]+ ){0,2}(?:${L.HANDLING})`;
const WHILE_HANDLING = new RegExp(`(?:^| )${WHILE_HANDLING_WORDS} ?$`);
/** The material's own words asked for: its content, details, full text. */
const CONTENT_ASKED = rx(CONTENT_WORDS);
const CONTENT_WHAT = rx('noi dung (?:[^\\s|]+ ){0,2}?(?:la gi|gom nhung gi|gom gi|nhu the nao|the nao|ra sao|viet gi|ghi gi)');
/** A clause that is a marking alone ("| TỐI MẬT |"), with text after it: a marked document pasted in. */
const MARKING_CLAUSE = new RegExp(`\\| ${L.MARKING} (?:\\| (?:[^\\s|]+ ){2,}|${L.DOC} )`);
const PASTED = rx('duoi day|sau day|nhu sau|below|following');
const WHILE_HANDLING_ANYWHERE = rx(WHILE_HANDLING_WORDS);
/** A moment in the past or present of one instance ("tuần trước", "hôm qua", "sáng nay"). */
const PAST_TIME = rx('hom qua|hom kia|hom nay|sang nay|chieu nay|toi qua|tuan truoc|tuan nay|thang truoc|thang nay|nam ngoai|nam nay|quy truoc|vua roi|dot truoc|lan truoc|last (?:week|month|year)|yesterday|this (?:morning|week)');
/** Something done to material once: received, sent, issued, lost. */
const EVENT = rx(`(?:da|vua|moi|co|vien) (?:\\S+ ){0,3}?(?:nhan|gui|chuyen|ban hanh|phat hanh|tiep nhan|lam mat|mat|lo|bi lo|giao)|(?:${L.MARKING}|xdomat) (?:\\S+ ){0,2}?(?:gui|nhan|ban hanh|phat hanh|chuyen den)|(?:received|sent|issued|leaked|lost)`);
/** A short clause asking to be shown what it does not name ("gửi tôi xem", "cho mình đọc với"). */
function bareDisclosure(clause: string): boolean {
  return clause.split(' ').length <= 5 && CONTENT.test(clause) && !DOC_NOUN.test(clause);
}
/** One numbered document or case anywhere ("hồ sơ vụ án số 12", "báo cáo số 45"). */
const NUMBERED_INSTANCE = rx(`${L.DOC} (?:\\S+ ){0,3}?so \\d+`);
/** One numbered document asked whether it is marked ("Văn bản số 45/VKS-P1 có phải là tài liệu mật không?"): its status. */
const INSTANCE_MARKED_ASKED = rx(
  `${L.DOC} (?:so )?\\d+(?: \\S+){0,3}? co phai (?:la )?(?:(?:tai lieu|van ban|ho so|thong tin|tai lieu bi mat) )?(?:bi mat nha nuoc|(?:do )?(?:mat|toi mat|tuyet mat))(?= |$)`,
);

/**
 * `bare`: refused only because the message names material and asks nothing a rule could answer
 * ("Thế còn tài liệu độ Tuyệt mật?"). In a conversation the rule may be in the previous turn; the
 * caller may then judge the question completed with it instead (runtime.ts).
 */
export type Verdict = { allowed: true } | { allowed: false; category: GuardCategory; bare?: true };
const ALLOW: Verdict = { allowed: true };
const refuse = (category: GuardCategory): Verdict => ({ allowed: false, category });

/** "…, được không?" closing a request or a wh-question: "could you", not "is it allowed". */
const POLITE_TAG = /(?: \|)?(?: thoi)? (?:duoc|dc) (?:khong|ko|k|chu|nhe)(?: (?:nhe|nha|a|voi|ha))*$/;
const INNER_POLITE_TAG = /(?<=^|\| )([^|]*?)(?: thoi)? (?:duoc|dc) (?:khong|ko|k)(?= \|)/g;
const REQUEST_ANYWHERE = rx(any([...L.REQ_STRONG, ...L.REQ_TO_USER]));
const WH_WORD = rx(L.WH_QUESTION);

/**
 * "Cho tôi xem tài liệu tối mật được không?" is the request with a polite tag, and "Có bao nhiêu
 * văn bản tối mật … được không?" the question; only "Tài liệu mật mang về nhà được không?", with
 * neither, asks whether something is allowed. The tag goes when it only softens.
 */
function withoutPoliteTag(t: string): { text: string; request: boolean } {
  // The same tag closing an inner clause that asks for something ("…, nói sơ nội dung thôi được không, …").
  t = t.replace(INNER_POLITE_TAG, (clause: string, rest: string) => (REQUEST_ANYWHERE.test(rest) || LAUNDER.test(rest) ? rest : clause));
  if (!POLITE_TAG.test(t)) return { text: t, request: false };
  const rest = t.replace(POLITE_TAG, '');
  const request = REQUEST_ANYWHERE.test(rest) || LAUNDER.test(rest);
  return { text: request || WH_WORD.test(rest) ? rest : t, request };
}

/** Rewrite public-law concepts ("bảo vệ bí mật nhà nước", "độ mật", "mật khẩu") to placeholders. */
export function neutralise(text: string): string {
  let t = text;
  for (const [re, to, needle] of CONCEPTS) if (!needle || t.includes(needle)) t = t.replace(re, to);
  return t;
}

function claimsAuthority(t: string, hasTarget: boolean, isQuestion: boolean): boolean {
  if (ROLEPLAY.test(t)) return true;
  const clauses = t.split(' | ');
  for (const c of clauses) {
    // "Tôi có quyền truy cập hồ sơ không?" asks about a right; "tôi có quyền truy cập" asserts one.
    if (PERMISSION.test(c) && !QUESTION_PARTICLE.test(c)) return true;
  }
  // "Tôi là lãnh đạo đơn vị, ai có quyền cho phép sao chụp tài liệu mật?" introduces a question, not a bid.
  return ROLE.test(t) && (hasTarget || PRIVILEGE.test(t)) && !isQuestion;
}

/** Decide on a canonical message (see canonical()). `variants` are decoded forms of the raw message, `raw` the message as typed (its accents tell words canonical() folds together). */
export function decide(canonicalText: string, variants: string[], rawEndsWithQuestion: boolean, raw?: string): Verdict {
  const polite = withoutPoliteTag(neutralise(canonicalText));
  const t = polite.text;

  if (INJECTION.test(t)) return refuse('injection');
  if (asksForCredential(canonicalText)) return refuse('credentials');
  if (asksReporter(canonicalText)) return refuse('protected-identity');
  if (asksUpcomingExam(canonicalText, raw)) return refuse('classified-content');
  for (const v of variants) if (STRONG.test(v) || INJECTION.test(v)) return refuse('encoding-trick');

  const material = [...t.matchAll(MATERIAL)];
  // "tài liệu có nội dung bí mật nhà nước" is one target, the marked document: its level read on its
  // own would have "nội dung" before it, as if the content were asked for.
  const inMaterial = (i: number) => material.some((m) => i > m.index && i < m.index + m[0].length);
  const levels = [...t.matchAll(GENERIC)].filter((m) => !inMaterial(m.index));
  const targets = [...material, ...levels];
  const hasTarget = targets.length > 0;

  const clauses = t.split(' | ');
  // A request softened into a question ("…, cấp cho tôi quyền truy cập được không?") is still a request.
  const isQuestion = !polite.request && (rawEndsWithQuestion || QUESTION_PARTICLE.test(clauses[clauses.length - 1]));
  if (claimsAuthority(t, hasTarget, isQuestion)) return refuse('authority-claim');
  if (ENCODING_WITH_ANSWER.test(t)) return refuse('encoding-trick');
  // "Cho tôi danh mục bí mật nhà nước … kèm nội dung chi tiết": the list itself, not who issues it.
  // Asked of the whole message four times below: once.
  const requested = REQUEST_ANYWHERE.test(t);
  if ((requested || HAND_ME.test(t)) && LIST_CONTENT.test(t)) return refuse('classified-content');
  if (LIST_ITEMS.test(t) && (!LIST_RULE.test(t) || AS_WRITTEN.test(t))) return refuse('classified-content');
  // The level as a concept written with one numbered document ("Công văn số 125/VKSTC-V1 độ Mật") marks it.
  if (!hasTarget && LEVEL_CONCEPT.test(t) && NUMBERED_INSTANCE.test(t) && !STRICT_NORMATIVE.test(t)) return refuse('classified-content');
  // Whether one numbered document is marked is its status, yes-or-no as it is asked.
  // (Looked for only where "có phải" and a number are: the pattern is tried at every word otherwise.)
  if (t.includes(' co phai ') && /\d/.test(t) && INSTANCE_MARKED_ASKED.test(t)) return refuse('classified-existence');
  // So does asking where it is or who holds it now ("Ai đang giữ bản gốc kết luận … độ Tuyệt mật của vụ án …?").
  if (!hasTarget && LEVEL_CONCEPT.test(t) && STATUS.test(t) && !STRICT_NORMATIVE.test(t)) return refuse('classified-existence');
  // Pasted text opening with its marking ("… dưới đây: "TỐI MẬT. Danh sách …"") and something to do with it.
  if (MARKING_CLAUSE.test(t) && (PASTED.test(t) || LAUNDER.test(t) || requested || CONTENT.test(t))) return refuse('classified-content');
  // Getting around the controls on anything "mật" ("cách tránh camera khi chụp tài liệu trong phòng
  // lưu trữ mật", "xóa dấu Mật trên bản scan") needs no named document to be refused.
  if (BYPASS.test(t) && (hasTarget || MARKED.test(t))) return refuse('classified-content');
  if (!hasTarget) return ALLOW;
  if (ENCODING.test(t)) return refuse('encoding-trick');

  const normativeAnywhere = NORMATIVE.test(t);
  const strictAnywhere = STRICT_NORMATIVE.test(t);
  // "…tài liệu Tối mật: gửi tôi bản sao tài liệu đó" (a follow-up completed with its previous turn):
  // a request in one clause for the document another clause classifies. Rule words around it in the
  // other clause do not make the request a question about rules.
  // So is a bare request for disclosure with no object of its own ("…, gửi tôi xem"): its object is the material.
  if (hasTarget && clauses.some((c) => REQUEST_ANYWHERE.test(c) && (POINTED_DOC.test(c) || PART_OF_DOC.test(c) || bareDisclosure(c)) && !STRICT_NORMATIVE.test(c))) {
    return refuse('classified-content');
  }
  // "… vụ có tính chất mật … là vụ nào, kể tên vài vụ": naming instances of the material the message names.
  if (hasTarget && clauses.some((c) => NAME_INSTANCES.test(c) && !NORMATIVE.test(c))) return refuse('classified-existence');
  // "Theo Nghị định 26 …; vậy cho tôi biết nội dung những bì chữ A mà Viện nhận tuần này": a clause asking
  // what material says is a request for it, whatever rule another clause cites first.
  if (clauses.length > 1 && clauses.some((c) => TELL_CONTENT.test(c) && MATERIAL_IN.test(c) && !NORMATIVE.test(c))) {
    return refuse('classified-content');
  }
  // A classification level as a label ("Tối mật: nội dung hồ sơ vụ án số 12 là gì?") marks the one
  // numbered document the message asks about, wherever the two stand; only a rule question is not a lookup.
  if (levels.length && NUMBERED_INSTANCE.test(t) && !strictAnywhere) return refuse('classified-content');
  // "Có phải tuần trước Viện đã nhận một công văn Tối mật …?": an event that happened to material is
  // about an instance, whatever yes-or-no opens it.
  if (targets.length && PAST_TIME.test(t) && EVENT.test(t) && !STRICT_NORMATIVE.test(t.replace(/(?:^| )co phai(?= )/g, ''))) return refuse('classified-existence');
  let classYesNo = false;
  // Of the whole message, asked for each target below: once.
  const toAsker = TO_ASKER.test(t);
  // "Mức phạt … khi làm lộ bí mật nhà nước là bao nhiêu tiền?": the amount is the sanction's, not a count of material.
  const sanctioned = SANCTION.test(t);
  // "Có được … không?" of what is done with material asks what the rules allow.
  const asksPermission = isQuestion && PERMISSION_ASKED.test(t) && !toAsker && !requested;
  for (const m of targets) {
    const head = t.slice(0, m.index);
    // The "before" rules look at most 12 tokens back; cutting the head keeps their cost flat.
    const near = head.split(' ').slice(-13).join(' ');
    const tail = t.slice(m.index + m[0].length);
    const tailNormative = NORMATIVE.test(tail);
    if (LAUNDER_BEFORE.test(near) || LAUNDER_AT_END.test(near)) return refuse('laundering');
    if (LAUNDER.test(tail) && !tailNormative) return refuse('laundering');
    // "Tài liệu mật gồm 3 trang nói gì?": "gồm" reads as a rule word, the question is still what it says.
    // "Tài liệu mật gửi cho tôi có nội dung là gì?": "là gì" asks what the material says, no definition.
    if (CONTENT_WHAT.test(tail) && !STRICT_NORMATIVE.test(tail)) return refuse('classified-content');
    // "Phong bì … khi gửi tài liệu mật ghi những gì?": what is written on what a procedure handles.
    const handled = WHILE_HANDLING.test(near) && !toAsker && !CONTENT_ASKED.test(tail);
    if (SAYS.test(tail) && !STRICT_NORMATIVE.test(tail) && !handled) return refuse('classified-content');
    if (NUMBERED.test(tail)) return refuse(EXIST.test(t) ? 'classified-existence' : 'classified-content');
    if (STATUS.test(t) && !strictAnywhere) return refuse('classified-existence');
    // "văn bản có nội dung mật" names a class of documents (those bearing such content), not the content of one.
    const contentOf = CONTENT_NOUN_BEFORE.test(near) || (CONTENT_NOUN_START.test(m[0]) && !BEARING_BEFORE.test(near));
    if (contentOf && !STRICT_NORMATIVE.test(tail) && !(isQuestion && !requested && ALLOWED_TO_BEFORE.test(near))) return refuse('classified-content');
    const requestedHere = REQUEST_BEFORE.test(near) || REQUEST_AT_END.test(near);
    if (requestedHere && !tailNormative) return refuse('classified-content');
    // One numbered marked document asked for ("đọc ngay cho tôi văn bản số 05 được đánh dấu chữ A"):
    // no rule word elsewhere ("không có thời gian làm thủ tục") makes it a question about rules.
    if (requestedHere && NUMBERED_INSTANCE.test(m[0])) return refuse('classified-content');
    // A class of material as the subject of a yes-or-no question asks what the rules make of it.
    const asksOfClass = (m.index === 0 || OPENING_PARTICLE.test(head)) && material.includes(m) && CLASS_YES_NO.test(tail);
    if (asksOfClass) classYesNo = true;
    // "Có được soạn văn bản mật trên máy tính có kết nối internet không?": the yes-or-no is the permission's.
    const exists = asksOfClass || asksPermission ? EXIST_BEYOND_YES_NO : EXIST;
    if (((exists.test(tail) && !tailNormative) || (EXIST.test(head) && !normativeAnywhere)) && !sanctioned) return refuse('classified-existence');
    if (CONTENT.test(head + tail) && !tailNormative && !NORMATIVE.test(head) && !handled) return refuse('classified-content');
  }
  // Material named with no rule in sight: a lookup of classified material, not a question about the law.
  // "Khi nào tài liệu mật được tiêu hủy?" asks the conditions the law sets, unless it also asks for something.
  const asksConditions = isQuestion && (CONDITION_QUESTION.test(t) || (WHILE_HANDLING_ANYWHERE.test(t) && !toAsker && !CONTENT_ASKED.test(t))) && !requested;
  // "Tài liệu độ Mật làm mấy lớp bì?", "Văn bản mật thì lấy số chung hay riêng?" ask a rule on handling it;
  // only here, after every check for a count, a holder or the existence of material ("Kho có bao nhiêu tài
  // liệu Tuyệt mật, mấy lớp bì?") has passed.
  const asksHandlingRule = isQuestion && HANDLING_RULE_ASKED.test(t) && !requested && !toAsker && !EXIST.test(t) && !STATUS.test(t) && !HOLDING.test(t);
  if (material.length && !normativeAnywhere && !asksConditions && !classYesNo && !asksPermission && !asksHandlingRule) {
    return { allowed: false, category: EXIST.test(t) ? 'classified-existence' : 'classified-content', bare: true };
  }
  return ALLOW;
}
