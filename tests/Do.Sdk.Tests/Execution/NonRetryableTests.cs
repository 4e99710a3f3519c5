using Do.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Do.Tests.Execution;

/// <summary>Errors that retrying cannot fix fail a durable action at once.</summary>
public sealed class NonRetryableTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _clock = FakeClock.Create();

    public void Dispose() => _temp.Dispose();

    private sealed class CardDeclinedException(string message) : NonRetryableException(message);

    private Task<DoHost> StartAsync(Func<Exception, bool>? shouldRetry = null) => DoHost.StartAsync(o =>
    {
        o.DataPath = _temp.Path;
        o.TimeProvider = _clock;
        o.Actions = new ActionOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false, ShouldRetry = shouldRetry };
    });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_non_retryable_exception_fails_the_verb_after_one_attempt()
    {
        await using var host = await StartAsync();
        var obj = host.Object<Business>("https://jobs.example");
        var name = Unique("declined");
        var attempts = 0;
        Job.Behaviours[name] = (_, _) =>
        {
            attempts++;
            throw new CardDeclinedException("card declined: insufficient funds");
        };
        await obj.Jobs().Create(name, new Job { Name = name });

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => _clock.DriveAsync(obj.Job(name).Run(), TimeSpan.FromMilliseconds(500)));

        Assert.Equal(1, attempts);
        Assert.Equal(1, error.Attempts);
        Assert.IsType<CardDeclinedException>(error.InnerException);
        var action = await obj.Run(ctx => ctx.Actions.Get(error.ActionId)!);
        Assert.Equal(ActionStatus.Failed, action.Status);
        Assert.Equal("card declined: insufficient funds", action.Error);
        Assert.Equal(0, (await obj.Job(name).Get()).Runs);
    }

    [Fact]
    public async Task ShouldRetry_decides_which_exceptions_are_retried()
    {
        await using var host = await StartAsync(shouldRetry: e => e is not ArgumentException);
        var obj = host.Object<Business>("https://jobs.example");
        var final = Unique("final");
        var transient = Unique("transient");
        int finalAttempts = 0, transientAttempts = 0;
        Job.Behaviours[final] = (_, _) => ++finalAttempts > 0 ? throw new ArgumentException("amount must be positive") : Task.CompletedTask;
        Job.Behaviours[transient] = (_, _) => ++transientAttempts < 3 ? throw new TimeoutException("slow upstream") : Task.CompletedTask;
        await obj.Jobs().Create(final, new Job { Name = final });
        await obj.Jobs().Create(transient, new Job { Name = transient });

        var error = await Assert.ThrowsAsync<ActionFailedException>(() => _clock.DriveAsync(obj.Job(final).Run(), TimeSpan.FromMilliseconds(500)));
        await _clock.DriveAsync(obj.Job(transient).Run(), TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, finalAttempts);
        Assert.Contains("amount must be positive", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, transientAttempts);
        Assert.Equal(1, (await obj.Job(transient).Get()).Runs);
    }

    /// <summary>An object whose only handler breaks a business rule.</summary>
    private sealed class Strict : Business
    {
        public static int Calls;

        protected override void Configure(Context ctx)
            => ctx.On.Subscribe("Job.created", (_, _) =>
            {
                Interlocked.Increment(ref Calls);
                throw new CardDeclinedException("no credit left");
            });
    }

    [Fact]
    public async Task A_handler_that_throws_a_non_retryable_exception_is_dead_lettered_after_one_attempt()
    {
        await using var host = await DoHost.StartAsync(o =>
        {
            o.DataPath = _temp.Path;
            o.Actions = new ActionOptions { HandlerRetries = 3, HandlerRetryDelay = TimeSpan.Zero };
        });
        var obj = host.Object<Strict>("https://strict.example");

        await obj.Jobs().Create("one", new Job { Name = "one" });

        Assert.Equal(1, Strict.Calls);
        var letter = Assert.Single(await obj.DeadLetters());
        Assert.Equal(1, letter.Attempts);
        Assert.Contains("no credit left", letter.Error, StringComparison.Ordinal);
    }
}
