using System.Threading.Channels;

namespace Do.Benchmarks.Support;

/// <summary>
/// The floor for an in-process actor call: a single-reader <see cref="Channel{T}"/> mailbox whose loop runs each
/// message and completes the caller's task.
/// </summary>
public sealed class ChannelMailbox : IAsyncDisposable
{
    private readonly Channel<(Func<int> Work, TaskCompletionSource<int> Reply)> _channel =
        Channel.CreateUnbounded<(Func<int>, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;

    public ChannelMailbox() => _loop = Task.Run(RunAsync);

    public Task<int> Call(Func<int> work)
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_channel.Writer.TryWrite((work, reply)))
        {
            throw new InvalidOperationException("The mailbox is closed.");
        }

        return reply.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.Complete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var (work, reply) in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            reply.SetResult(work());
        }
    }
}
