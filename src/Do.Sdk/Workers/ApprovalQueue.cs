using System.Text.Json;
using Do.Execution;
using Do.Hosting;
using Do.Storage;

namespace Do.Workers;

/// <summary>
/// A worker's request queue in its own file (the <c>approvals</c> table): approvals, questions, choices and tasks in,
/// answers out to the waiting action as a signal, expiry and escalation on the object's alarm. An answer is marked
/// delivered only after the signal was recorded by the requester, and redelivered on the worker's next alarm otherwise.
/// </summary>
internal static class ApprovalQueue
{
    public const string DecidedByPolicy = "policy";

    /// <summary>An answer to hand to the waiting action: a decision for an approval, a text for the other kinds.</summary>
    public sealed record Delivery(long Id, string Requester, long Action, string Signal, WorkerRequestKind Kind, ApprovalDecision Decision, string? Answer);

    /// <summary>
    /// The earliest expiry of a pending request (0, when an answer still waits to be delivered), or null: a scalar query,
    /// part of <see cref="Hosting.ObjectActivation.NextAlarm"/>'s.
    /// </summary>
    internal const string NextExpirySql = "SELECT CASE WHEN EXISTS (SELECT 1 FROM approvals WHERE status IN ('approved', 'rejected', 'answered') AND delivered_at IS NULL) THEN 0 ELSE (SELECT MIN(expires_at) FROM approvals WHERE status = 'pending') END";

    public static Task<string> RequestAsync(ObjectActivation human, string text, string requester, long action, string? signal, EscalationPolicy? policy, TimeSpan timeout)
        => RequestAsync(human, WorkerRequestKind.Approve, text, null, requester, action, signal, policy, timeout);

    public static async Task<string> RequestAsync(ObjectActivation human, WorkerRequestKind kind, string text, IReadOnlyList<string>? options, string requester, long action, string? signal, EscalationPolicy? policy, TimeSpan timeout)
    {
        var db = human.Database;
        var now = db.NowMilliseconds();
        long? expires = timeout == Timeout.InfiniteTimeSpan ? null : now + (long)Math.Ceiling(timeout.TotalMilliseconds);
        var id = db.InTransaction(() =>
        {
            var id = (long)db.Command("""
                INSERT INTO approvals (kind, text, options, requester, action, signal, policy, timeout_ms, expires_at, status, created_at)
                VALUES ($kind, $text, $options, $requester, $action, '', $policy, $timeout, $expires, 'pending', $now) RETURNING id
                """).Bind("$kind", KindName(kind)).Bind("$text", text).Bind("$options", options is null ? null : JsonSerializer.Serialize(options.ToArray(), StepJsonContext.Default.StringArray))
                .Bind("$requester", requester).Bind("$action", action).Bind("$policy", WritePolicy(policy))
                .Bind("$timeout", timeout == Timeout.InfiniteTimeSpan ? -1 : (long)timeout.TotalMilliseconds).Bind("$expires", expires).Bind("$now", now).ExecuteScalar()!;
            db.Command("UPDATE approvals SET signal = $signal WHERE id = $id").Bind("$signal", signal ?? $"{(kind == WorkerRequestKind.Approve ? "approval" : KindName(kind))}:{human.Namespace}#{id}").Bind("$id", id).ExecuteNonQuery();
            return id;
        });
        human.RefreshAlarm();
        if (human.Instance is Worker worker)
        {
            var about = kind == WorkerRequestKind.Approve ? "approval.requested" : KindName(kind) + ".requested";
            await worker.Notify(new Notification(human.Namespace.Value, about, text, id)).ConfigureAwait(false);
        }

        return (string)db.Command("SELECT signal FROM approvals WHERE id = $id").Bind("$id", id).ExecuteScalar()!;
    }

    /// <summary>The pending approvals only: the approval queue as the dashboard and <c>Approvals</c> know it.</summary>
    public static IReadOnlyList<ApprovalRequest> Pending(ObjectDatabase db)
        => [.. PendingRequests(db).Where(r => r.Kind == WorkerRequestKind.Approve).Select(r => new ApprovalRequest
        {
            Id = r.Id,
            Text = r.Text,
            Requester = r.Requester,
            ActionId = r.ActionId,
            CreatedAt = r.CreatedAt,
            ExpiresAt = r.ExpiresAt,
        })];

    /// <summary>Every pending request of every kind, oldest first.</summary>
    public static IReadOnlyList<WorkerRequest> PendingRequests(ObjectDatabase db)
    {
        var result = new List<WorkerRequest>();
        using var reader = db.Command("SELECT id, kind, text, options, requester, action, created_at, expires_at FROM approvals WHERE status = 'pending' ORDER BY id").ExecuteReader();
        while (reader.Read())
        {
            result.Add(new WorkerRequest
            {
                Id = reader.GetInt64(0),
                Kind = ParseKind(reader.GetString(1)),
                Text = reader.GetString(2),
                Options = reader.IsDBNull(3) ? [] : JsonSerializer.Deserialize(reader.GetString(3), StepJsonContext.Default.StringArray) ?? [],
                Requester = reader.GetString(4),
                ActionId = reader.GetInt64(5),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                ExpiresAt = reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            });
        }

        return result;
    }

    public static Delivery Decide(ObjectActivation human, long id, bool approved, string by, string? comment)
    {
        var db = human.Database;
        var (kind, _) = RequirePending(human, id);
        if (kind != WorkerRequestKind.Approve)
        {
            throw new ArgumentException($"Request {id} of {human.Namespace} is a {KindName(kind)} request, not an approval; answer it with Requests.Answer({id}, answer, by).", nameof(id));
        }

        db.Command("UPDATE approvals SET status = $status, decided_by = $by, comment = $comment, decided_at = $now WHERE id = $id")
            .Bind("$status", approved ? "approved" : "rejected").Bind("$by", by).Bind("$comment", comment).Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();
        human.RefreshAlarm();
        return Undelivered(db, id)!;
    }

    /// <summary>Records the answer to an ask, decide or do request; a decide's answer must be one of its options.</summary>
    public static Delivery Answer(ObjectActivation human, long id, string answer, string by)
    {
        var db = human.Database;
        var (kind, options) = RequirePending(human, id);
        if (kind == WorkerRequestKind.Approve)
        {
            throw new ArgumentException($"Request {id} of {human.Namespace} is an approval; answer it with Respond({id}, approved, by, comment).", nameof(id));
        }

        if (kind == WorkerRequestKind.Decide)
        {
            answer = options.FirstOrDefault(o => string.Equals(o, answer, StringComparison.Ordinal))
                ?? options.FirstOrDefault(o => string.Equals(o, answer.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"\"{answer}\" is not one of the options of request {id} of {human.Namespace}; answer with one of {JsonSerializer.Serialize(options.ToArray(), StepJsonContext.Default.StringArray)}.", nameof(answer));
        }

        db.Command("UPDATE approvals SET status = 'answered', answer = $answer, decided_by = $by, decided_at = $now WHERE id = $id")
            .Bind("$answer", answer).Bind("$by", by).Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();
        human.RefreshAlarm();
        return Undelivered(db, id)!;
    }

    /// <summary>Hands an answer to the waiting action (as its signal); an action that is over no longer needs it.</summary>
    public static async Task DeliverAsync(DoHost host, Delivery delivery)
    {
        try
        {
            var requester = host.Object(delivery.Requester);
            _ = delivery.Kind == WorkerRequestKind.Approve
                ? await requester.Signal(delivery.Action, delivery.Signal, delivery.Decision, StepJsonContext.Default.ApprovalDecision).ConfigureAwait(false)
                : await requester.Signal(delivery.Action, delivery.Signal, delivery.Answer ?? "", StepJsonContext.Default.String).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The action completed or failed meanwhile: nothing waits for this answer.
        }
    }

    public static void MarkDelivered(ObjectDatabase db, long id)
        => db.Command("UPDATE approvals SET delivered_at = $now WHERE id = $id").Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();

    /// <summary>On the worker's alarm: escalates or decides expired requests, and delivers answers not yet delivered.</summary>
    public static async Task ExpireDueAsync(ObjectActivation human)
    {
        var db = human.Database;
        var now = db.NowMilliseconds();
        var expired = new List<(long Id, WorkerRequestKind Kind, string Text, string? Options, string Requester, long Action, string Signal, string? Policy, long TimeoutMs)>();
        using (var reader = db.Command("SELECT id, kind, text, options, requester, action, signal, policy, timeout_ms FROM approvals WHERE status = 'pending' AND expires_at <= $now ORDER BY id").Bind("$now", now).ExecuteReader())
        {
            while (reader.Read())
            {
                expired.Add((reader.GetInt64(0), ParseKind(reader.GetString(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8)));
            }
        }

        foreach (var request in expired)
        {
            var policy = ReadPolicy(request.Policy);
            if (policy is { Humans.Count: > 0 })
            {
                var nextNs = ObjectNamespace.Parse(policy.Humans[0]);
                var nextClass = policy.HumanClass is { } name ? DoRegistry.FindObject(name) : null;

                // Through the host's routing: on a cluster the next human is a grain, maybe on another silo.
                var next = human.Host.Options.Integration?.Route is { } route ? route(nextNs, nextClass) : new Transport.InProcessTransport(new ObjectTarget(human.Host, nextNs, nextClass));
                var rest = policy with { Humans = [.. policy.Humans.Skip(1)] };
                if (request.Kind == WorkerRequestKind.Approve)
                {
                    await next.RequestApprovalAsync(request.Text, request.Requester, request.Action, request.Signal, rest, TimeSpan.FromMilliseconds(request.TimeoutMs), CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    // Questions (ask/decide/do) are not carried by the transport yet: they escalate to a human in this host.
                    var options = request.Options is null ? null : JsonSerializer.Deserialize(request.Options, StepJsonContext.Default.StringArray);
                    var local = new ObjectClient(new ObjectTarget(human.Host, nextNs, nextClass));
                    await local.Run(ctx => RequestAsync(ctx.Activation, request.Kind, request.Text, options, request.Requester, request.Action, request.Signal, rest, TimeSpan.FromMilliseconds(request.TimeoutMs))).ConfigureAwait(false);
                }
                db.Command("UPDATE approvals SET status = 'escalated', decided_by = $to, decided_at = $now WHERE id = $id").Bind("$to", policy.Humans[0]).Bind("$now", now).Bind("$id", request.Id).ExecuteNonQuery();
            }
            else if (request.Kind == WorkerRequestKind.Approve && policy?.DefaultApproved is bool approved)
            {
                Decide(human, request.Id, approved, DecidedByPolicy, $"no answer within {TimeSpan.FromMilliseconds(request.TimeoutMs)}");
            }
            else
            {
                // Nobody else to ask and no default (a question has none): the request stays with this worker, without a deadline.
                db.Command("UPDATE approvals SET expires_at = NULL WHERE id = $id").Bind("$id", request.Id).ExecuteNonQuery();
            }
        }

        while (FirstUndelivered(db) is { } delivery)
        {
            await DeliverAsync(human.Host, delivery).ConfigureAwait(false);
            MarkDelivered(db, delivery.Id);
        }
    }

    private static (WorkerRequestKind Kind, string[] Options) RequirePending(ObjectActivation human, long id)
    {
        using var reader = human.Database.Command("SELECT status, kind, options FROM approvals WHERE id = $id").Bind("$id", id).ExecuteReader();
        if (!reader.Read())
        {
            throw new ArgumentException($"{human.Namespace} has no request {id}; Requests.Pending() (or Approvals.Pending()) lists the open ones.", nameof(id));
        }

        if (reader.GetString(0) is var status && status != "pending")
        {
            throw new InvalidOperationException($"Request {id} of {human.Namespace} is already {status}; only a pending request can be answered.");
        }

        return (ParseKind(reader.GetString(1)), reader.IsDBNull(2) ? [] : JsonSerializer.Deserialize(reader.GetString(2), StepJsonContext.Default.StringArray) ?? []);
    }

    private static Delivery? FirstUndelivered(ObjectDatabase db)
        => db.Command("SELECT id FROM approvals WHERE status IN ('approved', 'rejected', 'answered') AND delivered_at IS NULL ORDER BY id LIMIT 1").ExecuteScalar() is long id ? Undelivered(db, id) : null;

    private static Delivery? Undelivered(ObjectDatabase db, long id)
    {
        using var reader = db.Command("SELECT requester, action, signal, status, decided_by, comment, kind, answer FROM approvals WHERE id = $id").Bind("$id", id).ExecuteReader();
        return reader.Read()
            ? new Delivery(
                id,
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                ParseKind(reader.GetString(6)),
                new ApprovalDecision(reader.GetString(3) == "approved", reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
                reader.IsDBNull(7) ? null : reader.GetString(7))
            : null;
    }

    internal static string KindName(WorkerRequestKind kind) => kind switch
    {
        WorkerRequestKind.Ask => "ask",
        WorkerRequestKind.Decide => "decide",
        WorkerRequestKind.Do => "do",
        _ => "approve",
    };

    private static WorkerRequestKind ParseKind(string kind) => kind switch
    {
        "ask" => WorkerRequestKind.Ask,
        "decide" => WorkerRequestKind.Decide,
        "do" => WorkerRequestKind.Do,
        _ => WorkerRequestKind.Approve,
    };

    public static string? WritePolicy(EscalationPolicy? policy)
        => policy is null ? null : NounJson.WriteObject(policy, static (w, p) =>
        {
            w.WriteStartArray("humans");
            foreach (var ns in p.Humans)
            {
                w.WriteStringValue(ns);
            }

            w.WriteEndArray();
            if (p.HumanClass is { } name)
            {
                w.WriteString("class", name);
            }

            if (p.DefaultApproved is bool approved)
            {
                w.WriteBoolean("default", approved);
            }
        });

    public static EscalationPolicy? ReadPolicy(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new EscalationPolicy
        {
            Humans = [.. root.GetProperty("humans").EnumerateArray().Select(e => e.GetString()!)],
            HumanClass = root.TryGetProperty("class", out var c) ? c.GetString() : null,
            DefaultApproved = root.TryGetProperty("default", out var d) ? d.GetBoolean() : null,
        };
    }
}
