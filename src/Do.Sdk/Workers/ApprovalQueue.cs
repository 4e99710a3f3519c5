using System.Text.Json;
using Do.Execution;
using Do.Hosting;
using Do.Storage;

namespace Do.Workers;

/// <summary>
/// A Human's approval queue in its own file (the <c>approvals</c> table): requests in, decisions out to the waiting
/// action as a signal, expiry and escalation on the object's alarm. A decision is marked delivered only after the
/// signal was recorded by the requester, and redelivered on the human's next alarm otherwise.
/// </summary>
internal static class ApprovalQueue
{
    public const string DecidedByPolicy = "policy";

    /// <summary>A decision to hand to the waiting action.</summary>
    public sealed record Delivery(long Id, string Requester, long Action, string Signal, ApprovalDecision Decision);

    /// <summary>The earliest expiry of a pending request (now, when a decision still waits to be delivered), or null.</summary>
    public static long? NextExpiry(ObjectDatabase db)
        => db.Command("SELECT CASE WHEN EXISTS (SELECT 1 FROM approvals WHERE status IN ('approved', 'rejected') AND delivered_at IS NULL) THEN 0 ELSE (SELECT MIN(expires_at) FROM approvals WHERE status = 'pending') END").ExecuteScalar() as long?;

    public static async Task<string> RequestAsync(ObjectActivation human, string text, string requester, long action, string? signal, EscalationPolicy? policy, TimeSpan timeout)
    {
        var db = human.Database;
        var now = db.NowMilliseconds();
        long? expires = timeout == Timeout.InfiniteTimeSpan ? null : now + (long)Math.Ceiling(timeout.TotalMilliseconds);
        var id = db.InTransaction(() =>
        {
            var id = (long)db.Command("""
                INSERT INTO approvals (text, requester, action, signal, policy, timeout_ms, expires_at, status, created_at)
                VALUES ($text, $requester, $action, '', $policy, $timeout, $expires, 'pending', $now) RETURNING id
                """).Bind("$text", text).Bind("$requester", requester).Bind("$action", action).Bind("$policy", WritePolicy(policy))
                .Bind("$timeout", timeout == Timeout.InfiniteTimeSpan ? -1 : (long)timeout.TotalMilliseconds).Bind("$expires", expires).Bind("$now", now).ExecuteScalar()!;
            db.Command("UPDATE approvals SET signal = $signal WHERE id = $id").Bind("$signal", signal ?? $"approval:{human.Namespace}#{id}").Bind("$id", id).ExecuteNonQuery();
            return id;
        });
        human.RefreshAlarm();
        if (human.Instance is Worker worker)
        {
            await worker.Notify(new Notification(human.Namespace.Value, "approval.requested", text, id)).ConfigureAwait(false);
        }

        return (string)db.Command("SELECT signal FROM approvals WHERE id = $id").Bind("$id", id).ExecuteScalar()!;
    }

    public static IReadOnlyList<ApprovalRequest> Pending(ObjectDatabase db)
    {
        var result = new List<ApprovalRequest>();
        using var reader = db.Command("SELECT id, text, requester, action, created_at, expires_at FROM approvals WHERE status = 'pending' ORDER BY id").ExecuteReader();
        while (reader.Read())
        {
            result.Add(new ApprovalRequest
            {
                Id = reader.GetInt64(0),
                Text = reader.GetString(1),
                Requester = reader.GetString(2),
                ActionId = reader.GetInt64(3),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                ExpiresAt = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            });
        }

        return result;
    }

    public static Delivery Decide(ObjectActivation human, long id, bool approved, string by, string? comment)
    {
        var db = human.Database;
        using (var reader = db.Command("SELECT status FROM approvals WHERE id = $id").Bind("$id", id).ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new ArgumentException($"{human.Namespace} has no approval request {id}; Approvals.Pending() lists the open ones.", nameof(id));
            }

            if (reader.GetString(0) is var status && status != "pending")
            {
                throw new InvalidOperationException($"Approval request {id} of {human.Namespace} is already {status}; only a pending request can be answered.");
            }
        }

        db.Command("UPDATE approvals SET status = $status, decided_by = $by, comment = $comment, decided_at = $now WHERE id = $id")
            .Bind("$status", approved ? "approved" : "rejected").Bind("$by", by).Bind("$comment", comment).Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();
        human.RefreshAlarm();
        return Undelivered(db, id)!;
    }

    /// <summary>Hands a decision to the waiting action (as its signal); an action that is over no longer needs it.</summary>
    public static async Task DeliverAsync(DoHost host, Delivery delivery)
    {
        try
        {
            await host.Object(delivery.Requester).Signal(delivery.Action, delivery.Signal, delivery.Decision, StepJsonContext.Default.ApprovalDecision).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The action completed or failed meanwhile: nothing waits for this decision.
        }
    }

    public static void MarkDelivered(ObjectDatabase db, long id)
        => db.Command("UPDATE approvals SET delivered_at = $now WHERE id = $id").Bind("$now", db.NowMilliseconds()).Bind("$id", id).ExecuteNonQuery();

    /// <summary>On the human's alarm: escalates or decides expired requests, and delivers decisions not yet delivered.</summary>
    public static async Task ExpireDueAsync(ObjectActivation human)
    {
        var db = human.Database;
        var now = db.NowMilliseconds();
        var expired = new List<(long Id, string Text, string Requester, long Action, string Signal, string? Policy, long TimeoutMs)>();
        using (var reader = db.Command("SELECT id, text, requester, action, signal, policy, timeout_ms FROM approvals WHERE status = 'pending' AND expires_at <= $now ORDER BY id").Bind("$now", now).ExecuteReader())
        {
            while (reader.Read())
            {
                expired.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6)));
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
                await next.RequestApprovalAsync(request.Text, request.Requester, request.Action, request.Signal, rest, TimeSpan.FromMilliseconds(request.TimeoutMs), CancellationToken.None).ConfigureAwait(false);
                db.Command("UPDATE approvals SET status = 'escalated', decided_by = $to, decided_at = $now WHERE id = $id").Bind("$to", policy.Humans[0]).Bind("$now", now).Bind("$id", request.Id).ExecuteNonQuery();
            }
            else if (policy?.DefaultApproved is bool approved)
            {
                Decide(human, request.Id, approved, DecidedByPolicy, $"no answer within {TimeSpan.FromMilliseconds(request.TimeoutMs)}");
            }
            else
            {
                // Nobody else to ask and no default: the request stays with this human, without a deadline.
                db.Command("UPDATE approvals SET expires_at = NULL WHERE id = $id").Bind("$id", request.Id).ExecuteNonQuery();
            }
        }

        while (FirstUndelivered(db) is { } delivery)
        {
            await DeliverAsync(human.Host, delivery).ConfigureAwait(false);
            MarkDelivered(db, delivery.Id);
        }
    }

    private static Delivery? FirstUndelivered(ObjectDatabase db)
        => db.Command("SELECT id FROM approvals WHERE status IN ('approved', 'rejected') AND delivered_at IS NULL ORDER BY id LIMIT 1").ExecuteScalar() is long id ? Undelivered(db, id) : null;

    private static Delivery? Undelivered(ObjectDatabase db, long id)
    {
        using var reader = db.Command("SELECT requester, action, signal, status, decided_by, comment FROM approvals WHERE id = $id").Bind("$id", id).ExecuteReader();
        return reader.Read()
            ? new Delivery(id, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), new ApprovalDecision(reader.GetString(3) == "approved", reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)))
            : null;
    }

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
