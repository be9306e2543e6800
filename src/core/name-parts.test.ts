import { describe, expect, it } from 'vitest';
import { isOtherName, nameSkeletons, skeleton } from './name-parts.js';

const hibatullah = { kind: 'person' as const, own: nameSkeletons(['Hibatullah Akhundzada', 'Mullah Hibatullah Akhundzada', 'Haibatullah Akhunzada']) };
const at = (text: string, name: string): [number, number] => [text.indexOf(name), text.indexOf(name) + name.length];

describe('name parts (issue 11, wave 8)', () => {
  it('skeletons ignore vowels, h and doubled letters', () => {
    expect(skeleton('Mehsud')).toBe(skeleton('Meshud'));
    expect(skeleton('Mahsood')).toBe(skeleton('Mehsud'));
    expect(skeleton('Akhund')).toBe('knd');
  });
  it('a bare surname followed by another name is someone else', () => {
    const t = 'Ahead of their departure to Kabul, PPP leader Akhundzada Chatta, who is also a part of the jirga, posted photographs.';
    expect(isOtherName(t, ...at(t, 'Akhundzada'), hibatullah, t)).toBe(true);
  });
  it('keeps the entry’s own name words, their spellings and prefixes', () => {
    const t = 'The supreme leader of the movement, Mullah Hebtullah Akhund, arrived in the southern province on Sunday.';
    expect(isOtherName(t, ...at(t, 'Hebtullah'), hibatullah, t)).toBe(false);
    const u = 'Reports said that Hibatullah Akhunzadah had met with elders in the southern province on Sunday.';
    expect(isOtherName(u, ...at(u, 'Hibatullah'), hibatullah, u)).toBe(false);
  });
  it('a lowercase or punctuated next word, or a title-case headline, is no other name', () => {
    const t = 'Akhundzada said the movement would govern by its own law, and Akhundzada, its leader, agreed.';
    expect(isOtherName(t, ...at(t, 'Akhundzada'), hibatullah, t)).toBe(false);
    const h = 'Taliban Leader Akhundzada Calls For Unity Among Ranks';
    expect(isOtherName(h, ...at(h, 'Akhundzada'), hibatullah, h)).toBe(false);
  });
  it('the head of a longer name followed by "of" and a name is another name', () => {
    const t = 'Islamic Emirate of the Caucasus';
    expect(isOtherName(t, ...at(t, 'Islamic Emirate'), { kind: 'name' }, t)).toBe(true);
    const u = 'The Islamic Emirate said on Monday that it had shared the information.';
    expect(isOtherName(u, ...at(u, 'Islamic Emirate'), { kind: 'name' }, u)).toBe(false);
    const v = 'The spokesman of the Islamic Emirate Zabihullah Mujahid said so on Monday in a long statement.';
    expect(isOtherName(v, ...at(v, 'Islamic Emirate'), { kind: 'name' }, v)).toBe(false);
  });
  it('a full name others share: a namesake’s surname after it, or a police role in apposition (wave 9)', () => {
    const imran = { kind: 'person' as const, own: nameSkeletons(['Imran Khan', 'Prime Minister Imran Khan', 'PM Khan']) };
    const t = 'Almost immediately, the journalists are taken hostage by Imran Khan Afridi, an escaping colonel.';
    expect(isOtherName(t, ...at(t, 'Imran Khan'), imran, t)).toBe(true);
    const u = 'The district police chief, Imran Khan, told reporters that four assailants stormed the premises.';
    expect(isOtherName(u, ...at(u, 'Imran Khan'), imran, u)).toBe(true);
    // A weekday after the name (wire style) and a political role before it are his.
    const v = 'Prime minister Imran Khan Friday said that the government was in talks with some groups.';
    expect(isOtherName(v, ...at(v, 'Imran Khan'), imran, v)).toBe(false);
    const w = 'The PTI chief, Imran Khan, told reporters that the government had failed the country.';
    expect(isOtherName(w, ...at(w, 'Imran Khan'), imran, w)).toBe(false);
  });
});
