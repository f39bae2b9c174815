import { COMMON_MESSAGES, localize, MESSAGES, pickLang } from './messages';
import { PROCUREMENT_MESSAGES } from './messages-procurement';

describe('messages', () => {
  it('has a Vietnamese and an English text for every key', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect([key, m.vi.length > 0, m.en.length > 0]).toEqual([key, true, true]);
    }
  });

  it('keeps each key in one file: a key in both would be one message silently replacing the other', () => {
    expect(Object.keys(COMMON_MESSAGES).filter((k) => k in PROCUREMENT_MESSAGES)).toEqual([]);
  });

  it('chooses the language from Accept-Language, Vietnamese by default', () => {
    expect(pickLang(undefined)).toBe('vi');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('vi-VN,vi;q=0.9,en;q=0.5')).toBe('vi');
    expect(pickLang('fr')).toBe('vi');
  });

  it('fills the field label and parameters', () => {
    expect(localize('required', 'vi', { field: 'fullName' })).toBe('Vui lòng nhập họ tên.');
    expect(localize('required', 'en', { field: 'fullName' })).toBe('Please enter full name.');
    expect(localize('weakPassword', 'en', { min: 10 })).toBe(
      'The password needs at least 10 characters.',
    );
    expect(localize('tooLong', 'vi', { field: 'organization.name', max: 200 })).toBe(
      'Tên tổ chức dài quá 200 ký tự.',
    );
  });

  it('labels a field inside a list like the list item, whatever its index', () => {
    expect(localize('tooLong', 'vi', { field: 'certifications.2.issuer', max: 200 })).toBe('Đơn vị cấp chứng nhận dài quá 200 ký tự.');
    expect(localize('required', 'en', { field: 'nothing.known' })).toBe('Please enter nothing.known.');
  });
});
