using System.Globalization;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Do.Storage;
using Do.Transport;

namespace Do.Client;

/// <summary>The object-wide calls: lifecycle, events (a page, or the live stream), dead letters, schedules, links.</summary>
public sealed partial class HttpObjectTransport
{
    /// <inheritdoc />
    public Task<string> BranchAsync(string name, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.Branch, name), DoWireJson.Default.String, cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckoutAsync(string reference, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.CheckoutRef, reference), DoWireJson.Default.String, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.Branches), DoWireJson.Default.IReadOnlyListString, cancellationToken);

    /// <inheritdoc />
    public Task<string> CheckedOutAsync(CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.Checkout), DoWireJson.Default.String, cancellationToken);

    /// <inheritdoc />
    public Task<MergeResult> MergeAsync(string branch, MergeStrategy strategy, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.Merge, branch) + "?strategy=" + strategy.ToString().ToLowerInvariant(), DoWireJson.Default.MergeResult, cancellationToken);

    /// <inheritdoc />
    public async Task<IObjectTransport> ForkAsync(ObjectNamespace to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var created = await PostJsonAsync(Path(DoRoutes.Fork, to.Value), DoWireJson.Default.String, cancellationToken).ConfigureAwait(false);
        return new HttpObjectTransport(_client, ObjectNamespace.Parse(created), _objectClass, _actor);
    }

    /// <inheritdoc />
    public Task<CompactResult> CompactAsync(bool force, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.Compact) + (force ? "?force=true" : ""), DoWireJson.Default.CompactResult, cancellationToken);

    /// <inheritdoc />
    public Task<string> MoveToAsync(string colo, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.Move, colo), DoWireJson.Default.String, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EventRecord>> EventsAsync(long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return GetJsonAsync(Path(DoRoutes.Events) + "?" + DoRoutes.Query("after", after) + "&" + DoRoutes.Query("limit", limit), DoWireJson.Default.IReadOnlyListEventRecord, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(bool includeReplayed, CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.DeadLetters) + (includeReplayed ? "?includeReplayed=true" : ""), DoWireJson.Default.IReadOnlyListDeadLetter, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ReplayAsync(long deadLetterId, CancellationToken cancellationToken)
        => PostJsonAsync(Path(DoRoutes.Replay, deadLetterId.ToString(CultureInfo.InvariantCulture)), DoWireJson.Default.Boolean, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScheduleState>> SchedulesAsync(CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.Schedules), DoWireJson.Default.IReadOnlyListScheduleState, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ObjectLink>> LinksAsync(string role, CancellationToken cancellationToken)
        => GetJsonAsync(Path(DoRoutes.Links, role), DoWireJson.Default.IReadOnlyListObjectLink, cancellationToken);

    /// <summary>
    /// The live stream: server-sent events from <c>GET …/events?after=N</c>, each with its sequence as the event id.
    /// When the connection drops, it reconnects with <c>Last-Event-ID</c> set to the last sequence it delivered, so no
    /// event is lost or repeated; an error the server answers with (401, 403, 404, …) ends it with that error.
    /// </summary>
    async IAsyncEnumerable<EventRecord> IEventStream.StreamAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        var last = after;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpResponseMessage? response = null;
            Stream? stream = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path(DoRoutes.Events) + "?" + DoRoutes.Query("after", last), UriKind.Relative));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DoRoutes.EventStream));
                request.Headers.TryAddWithoutValidation("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
                Decorate(request);
                response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    throw RemoteErrors.Rebuild(RemoteProblem.Parse((int)response.StatusCode, response.ReasonPhrase, body));
                }

                stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested && ++failures <= MaxReconnects)
            {
                response?.Dispose();
                await Task.Delay(ReconnectDelay(failures), TimeProvider.System, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            await using (stream)
            {
                var reader = SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    while (true)
                    {
                        SseItem<string> item;
                        try
                        {
                            if (!await reader.MoveNextAsync().ConfigureAwait(false))
                            {
                                break;
                            }

                            item = reader.Current;
                        }
                        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                        {
                            break; // the connection dropped mid-stream: reconnect from the last delivered sequence
                        }

                        var record = JsonSerializer.Deserialize(item.Data, DoWireJson.Default.EventRecord);
                        if (record is null || record.Sequence <= last)
                        {
                            continue;
                        }

                        last = record.Sequence;
                        failures = 0;
                        yield return record;
                    }
                }
                finally
                {
                    await reader.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (++failures > MaxReconnects)
            {
                throw new HttpRequestException($"The event stream of {Ns} kept closing; gave up after {MaxReconnects} reconnects from sequence {last}.");
            }

            await Task.Delay(ReconnectDelay(failures), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    private const int MaxReconnects = 10;

    // Pacing between reconnects is wall-clock back-off, not object time.
    private static TimeSpan ReconnectDelay(int failures) => TimeSpan.FromMilliseconds(Math.Min(5_000, 50 * (1 << Math.Min(failures, 7))));
}
