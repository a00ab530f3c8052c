// The whole draft's hold after a first look: let go by the page's word about that first look only, by
// the bound when no word comes, at once when no page listens, and never let go after it was cancelled.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { draftHold } from "../../src/preview/draftHold.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the whole draft's hold", () => {
  it("goes on when the page says it drew that first look, and not for another", () => {
    const hold = draftHold(400, () => 1);
    const goOn = vi.fn();
    hold.start(7, goOn);
    hold.drawn(6);
    hold.drawn(8);
    expect(goOn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(120);
    hold.drawn(7);
    expect(goOn).toHaveBeenCalledTimes(1);
    expect(hold.takeRelease()).toBe("held 120 ms, until the page drew the first look");
    // Said once: a later draft that was not held has no such words.
    expect(hold.takeRelease()).toBeNull();
    // A second word, or the bound passing, lets nothing go twice.
    hold.drawn(7);
    vi.advanceTimersByTime(1000);
    expect(goOn).toHaveBeenCalledTimes(1);
  });

  it("goes on after its bound when no page says anything", () => {
    const hold = draftHold(400, () => 2);
    const goOn = vi.fn();
    hold.start(1, goOn);
    vi.advanceTimersByTime(399);
    expect(goOn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(goOn).toHaveBeenCalledTimes(1);
    expect(hold.takeRelease()).toBe("held 400 ms, no page said it drew the first look within 400 ms");
  });

  it("does not hold when no page is listening", () => {
    const hold = draftHold(400, () => 0);
    const goOn = vi.fn();
    hold.start(1, goOn);
    expect(goOn).toHaveBeenCalledTimes(1);
    expect(hold.takeRelease()).toBeNull();
  });

  it("lets nothing go once cancelled (the worker was replaced)", () => {
    const hold = draftHold(400, () => 1);
    const goOn = vi.fn();
    hold.start(3, goOn);
    hold.cancel();
    hold.drawn(3);
    vi.advanceTimersByTime(1000);
    expect(goOn).not.toHaveBeenCalled();
    expect(hold.takeRelease()).toBeNull();
  });
});
