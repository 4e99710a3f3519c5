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

    public ResiliencePipeline ForDo(VerbInfo? verb)
        => Get(verb is { Retries: >= 0 } ? verb.Retries : options.MaxRetries, TimeoutOf(verb));

    public ResiliencePipeline ForTry(VerbInfo? verb) => Get(0, TimeoutOf(verb));

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
