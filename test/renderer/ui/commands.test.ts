import { commandForKey } from '../../../renderer/src/useCommands';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps Ctrl (Windows, Linux) and Cmd (macOS) combinations to the menu commands', () => {
    expect(commandForKey(key('Enter', { ctrlKey: true }))).toBe('copy-ticket');
    expect(commandForKey(key('Enter', { metaKey: true }))).toBe('copy-ticket');
    expect(commandForKey(key('n', { ctrlKey: true }))).toBe('new-incident');
    expect(commandForKey(key('F', { metaKey: true }))).toBe('focus-search');
    expect(commandForKey(key('o', { ctrlKey: true }))).toBe('open-file');
    expect(commandForKey(key('F1'))).toBe('show-help');
  });

  it('leaves plain typing and other combinations alone', () => {
    expect(commandForKey(key('Enter'))).toBeNull();
    expect(commandForKey(key('n'))).toBeNull();
    expect(commandForKey(key('v', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('n', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
