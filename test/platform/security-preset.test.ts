import { SecurityPreset } from '../../src/platform/security-preset';

describe('SecurityPreset', () => {
  test('RESTRICTED gives pods fixed user and group IDs', () => {
    // GIVEN / WHEN
    const preset = SecurityPreset.RESTRICTED;
    // THEN
    expect(preset).toBeInstanceOf(SecurityPreset);
    expect(preset.name).toBe('restricted');
    expect(preset.fixedIds).toBe(true);
  });

  test('PLATFORM_ASSIGNED leaves the IDs to the platform', () => {
    // GIVEN / WHEN
    const preset = SecurityPreset.PLATFORM_ASSIGNED;
    // THEN
    expect(preset.name).toBe('platform-assigned');
    expect(preset.fixedIds).toBe(false);
  });

  test('the presets are shared, distinct instances', () => {
    // GIVEN / WHEN / THEN
    expect(SecurityPreset.RESTRICTED).toBe(SecurityPreset.RESTRICTED);
    expect(SecurityPreset.RESTRICTED).not.toEqual(SecurityPreset.PLATFORM_ASSIGNED);
  });
});
