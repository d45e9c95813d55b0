import { describe, expect, it } from 'vitest';
import { composeExtractive } from '../../core/answer/compose.js';
import type { Chunk, Scored } from '../../core/types.js';

const article = (n: string, heading: string, lines: string[], score: number): Scored<Chunk> => ({
  item: { id: n, docId: 'luat/tcd.txt', text: lines.join('\n'), ord: Number(n), title: 'Luật Tiếp công dân', type: 'Luật', article: n, locator: `Điều ${n}`, heading },
  score,
});

describe('an article whose whole title the question writes', () => {
  const publish = article('24', 'Điều 24. Công bố thông tin về việc tiếp công dân của cơ quan, tổ chức, đơn vị, cá nhân', ['1. Ban tiếp công dân ở trung ương, Ban tiếp công dân cấp tỉnh, Ban tiếp công dân cấp huyện có trách nhiệm niêm yết công khai tại Trụ sở tiếp công dân lịch tiếp công dân của lãnh đạo các cơ quan Đảng và Nhà nước ở trung ương hoặc địa phương, danh sách các cơ quan, tổ chức, đơn vị có đại diện cùng tham dự buổi tiếp công dân và nội dung tập trung giải quyết tại từng buổi tiếp công dân.', '2. Cơ quan, tổ chức, đơn vị có trách nhiệm niêm yết công khai thông tin về việc tiếp công dân của cơ quan, tổ chức, đơn vị mình tại trụ sở cơ quan, tổ chức, đơn vị, tại địa điểm tiếp công dân và công bố trên trang thông tin điện tử của cơ quan, tổ chức, đơn vị (nếu có).', 'Nội dung thông tin cần công bố bao gồm:'], 1);
  const place = article('19', 'Điều 19. Địa điểm tiếp công dân', ['1. Địa điểm tiếp công dân của cơ quan, tổ chức, đơn vị phải được bố trí tại vị trí thuận tiện, bảo đảm các điều kiện vật chất cần thiết để công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh được dễ dàng, thuận lợi.', 'Tại địa điểm tiếp công dân, phải niêm yết rõ ràng nội quy tiếp công dân của cơ quan, đơn vị, hướng dẫn về quy trình tiếp công dân, quy trình giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh theo quy định của pháp luật và các thông tin quy định tại khoản 2 Điều 24 của Luật này.', '2. Chính phủ quy định chi tiết việc bố trí cơ sở vật chất của địa điểm tiếp công dân.'], 0.95);

  it('is named by it: "tại địa điểm tiếp công dân … niêm yết" asks Điều 19, not the article on publishing', () => {
    const r = composeExtractive('Tại địa điểm tiếp công dân của Viện kiểm sát phải niêm yết công khai những nội dung gì?', [publish, place], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations[0]?.locator).toBe('Điều 19');
    expect(r.text).toContain('nội quy tiếp công dân');
  });

  it('not by a longer compound ending with it: "tạm đình chỉ vụ án" does not name "Đình chỉ vụ án"', () => {
    const stop = { item: { id: '248', docId: 'luat/tths.txt', text: '1. Viện kiểm sát ra quyết định đình chỉ vụ án khi có một trong các căn cứ quy định tại khoản 2 Điều 155 của Bộ luật này.', ord: 248, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' as const, article: '248', locator: 'Điều 248', heading: 'Điều 248. Đình chỉ vụ án' }, score: 1 };
    const pause = { item: { id: '247', docId: 'luat/tths.txt', text: '1. Viện kiểm sát ra quyết định tạm đình chỉ vụ án khi không xác định được bị can hoặc không biết rõ bị can đang ở đâu.', ord: 247, title: 'Bộ luật Tố tụng hình sự', type: 'Bộ luật' as const, article: '247', locator: 'Điều 247', heading: 'Điều 247. Tạm đình chỉ vụ án' }, score: 0.97 };
    const r = composeExtractive('Viện kiểm sát tạm đình chỉ vụ án khi nào?', [stop, pause], { skipAbstention: true, maxUnits: 1 });
    expect(r.citations[0]?.locator).toBe('Điều 247');
  });

});
