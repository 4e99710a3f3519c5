namespace Do.Orleans.Tests;

public sealed class FileFenceTests
{
    [Fact]
    public async Task A_held_fence_keeps_every_other_holder_out_until_it_is_released()
    {
        using var temp = new TempFolder();
        var ns = ObjectNamespace.Parse("https://fences.test/one");
        var first = new FileFence(temp.Path, TimeProvider.System);
        var second = new FileFence(temp.Path, TimeProvider.System);

        var held = await first.AcquireAsync(ns, TimeSpan.FromSeconds(1), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ObjectFencedException>(() => second.AcquireAsync(ns, TimeSpan.FromMilliseconds(100), CancellationToken.None));
        held.Dispose();
        using var taken = await second.AcquireAsync(ns, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Contains("https://fences.test/one is held by another activation", refused.Message, StringComparison.Ordinal);
        Assert.Contains(first.PathOf(ns), refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.PathOf(ns), second.PathOf(ns));
    }

    [Fact]
    public async Task A_waiting_holder_gets_the_fence_as_soon_as_the_holder_lets_go()
    {
        using var temp = new TempFolder();
        var ns = ObjectNamespace.Parse("https://fences.test/handover");
        var fence = new FileFence(temp.Path, TimeProvider.System);
        var held = await fence.AcquireAsync(ns, TimeSpan.FromSeconds(1), CancellationToken.None);

        var waiting = fence.AcquireAsync(ns, Wait.Guard, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        held.Dispose();

        using var next = await waiting;
        Assert.Null(FileFence.TryAcquire(fence.PathOf(ns)));
    }

    [Fact]
    public async Task Different_objects_have_different_fences()
    {
        using var temp = new TempFolder();
        var fence = new FileFence(temp.Path, TimeProvider.System);

        using var a = await fence.AcquireAsync(ObjectNamespace.Parse("https://fences.test/a"), TimeSpan.FromSeconds(1), CancellationToken.None);
        using var b = await fence.AcquireAsync(ObjectNamespace.Parse("https://fences.test/b"), TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.NotEqual(fence.PathOf(ObjectNamespace.Parse("https://fences.test/a")), fence.PathOf(ObjectNamespace.Parse("https://fences.test/b")));
    }
}
