import { clampSidebarWidth, FrameToDockSchema, SIDEBAR_WIDTH } from './dock-port';

describe('FrameToDockSchema', () => {
  it("accepts the frame's hello and its layout", () => {
    expect(FrameToDockSchema.safeParse({ type: 'frame→dock:hello', dockId: 'a1b2c3d4-e5f6' }).success).toBe(
      true,
    );
    expect(
      FrameToDockSchema.safeParse({ type: 'frame→dock:layout', collapsed: false, width: SIDEBAR_WIDTH.min })
        .success,
    ).toBe(true);
  });

  it('rejects a short dock id, a width out of range or fractional, extra keys and unknown types', () => {
    const rejected = [
      { type: 'frame→dock:hello', dockId: 'short' },
      { type: 'frame→dock:layout', collapsed: true, width: SIDEBAR_WIDTH.max + 1 },
      { type: 'frame→dock:layout', collapsed: true, width: 300.5 },
      { type: 'frame→dock:layout', collapsed: 'no', width: 300 },
      { type: 'frame→dock:hello', dockId: 'a1b2c3d4-e5f6', extra: 1 },
      { type: 'dock→frame:focus' },
      null,
    ];
    for (const message of rejected) expect(FrameToDockSchema.safeParse(message).success).toBe(false);
  });

  it('gives the path of what is wrong', () => {
    const result = FrameToDockSchema.safeParse({ type: 'frame→dock:layout', collapsed: true, width: 10 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['width']);
  });
});

describe('clampSidebarWidth', () => {
  it('keeps a width inside the range, whole pixels, and falls back to the default for non-numbers', () => {
    expect(clampSidebarWidth(100)).toBe(SIDEBAR_WIDTH.min);
    expect(clampSidebarWidth(5000)).toBe(SIDEBAR_WIDTH.max);
    expect(clampSidebarWidth(400.6)).toBe(401);
    expect(clampSidebarWidth(Number.NaN)).toBe(SIDEBAR_WIDTH.default);
  });
});
