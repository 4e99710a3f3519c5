using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Support;

public static class FakeClock
{
    /// <summary>A fake clock at a fixed, readable start time.</summary>
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Advances <paramref name="clock"/> in <paramref name="step"/>s until <paramref name="task"/> completes (it waits on
    /// timers of that clock: backoff, timeouts), giving continuations a moment to run between steps. Bounded.
    /// </summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, int maxSteps = 10_000)
    {
        for (int i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static async Task DriveAsync(this FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 10_000)
        => await clock.DriveAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, maxSteps);
}
