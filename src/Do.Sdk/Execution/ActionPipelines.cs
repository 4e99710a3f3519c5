using System.Collections.Concurrent;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Do.Execution;

/// <summary>
/// Builds and caches the Polly v8 pipelines actions run through: retry with exponential backoff (and jitter) around a
/// per-attempt timeout for <c>Do</c>; the timeout alone for <c>Try</c>. All delays use the host's
/// <see cref="TimeProvider"/>, so tests drive them with a fake clock.
/// </summary>
internal sealed class ActionPipelines(ActionOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(int Retries, long TimeoutTicks), ResiliencePipeline> _pipelines = new();
    private readonly ConcurrentDictionary<(int Retries, long DelayTicks), ResiliencePipeline> _handlerPipelines = new();

    public ResiliencePipeline ForDo(VerbInfo? verb)
        => Get(verb is { Retries: >= 0 } ? verb.Retries : options.MaxRetries, TimeoutOf(verb));

    public ResiliencePipeline ForTry(VerbInfo? verb) => Get(0, TimeoutOf(verb));

    /// <summary>
    /// The pipeline event handlers run through: <paramref name="retries"/> retries a constant <paramref name="delay"/>
    /// apart, with the same retry rules as actions (<see cref="ActionOptions.IsRetryable"/>) and no timeout, since a
    /// handler gets no cancellation token to honour one.
    /// </summary>
    public ResiliencePipeline ForHandler(int retries, TimeSpan delay)
        => retries <= 0 ? ResiliencePipeline.Empty : _handlerPipelines.GetOrAdd((retries, delay.Ticks), key =>
        {
            var wait = TimeSpan.FromTicks(key.DelayTicks);
            return new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = key.Retries,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    // A generator rather than Delay: Delay is capped at one day, HandlerRetryDelay is not.
                    DelayGenerator = _ => new ValueTask<TimeSpan?>(wait),
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(options.IsRetryable),
                })
                .Build();
        });

    private TimeSpan TimeoutOf(VerbInfo? verb)
        => verb is { TimeoutMilliseconds: > 0 } ? TimeSpan.FromMilliseconds(verb.TimeoutMilliseconds) : options.Timeout;

    private ResiliencePipeline Get(int retries, TimeSpan timeout)
        => _pipelines.GetOrAdd((retries, timeout.Ticks), key =>
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = time };
            if (key.Retries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = key.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = options.UseJitter,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    // Not retried: cancellations, NonRetryableException, what ShouldRetry refuses, and deadlocks (the action's turn
                    // stays held through the backoff, so a retry meets the same cycle).
                    ShouldHandle = new PredicateBuilder().Handle<Exception>(options.IsRetryable),
                });
            }

            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromTicks(key.TimeoutTicks) });
            return builder.Build();
        });
}
