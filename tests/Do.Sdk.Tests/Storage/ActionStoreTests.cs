using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class ActionStoreTests : IDisposable
{
    private const string Acme = """{"name":"Acme","priority":0}""";
    private readonly TestDatabase _test = new();

    private ActionStore Actions => _test.Db.Actions;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void A_write_names_its_version_after_a_version_this_store_did_not_write()
    {
        // The next version is predicted from the last one this store appended; a version row written by other SQL (an
        // outside tool, a lifecycle operation) moves the real sequence past the prediction, and the action follows it.
        _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Db.Execute("INSERT INTO things (branch, noun, id, data, deleted) SELECT branch, noun, 'other', data, 0 FROM things LIMIT 1");

        var written = _test.Db.Things.Update("Startup", "acme", Acme);

        Assert.Equal(3, written.Version);
        Assert.Equal(written.Version, Actions.Get(_test.Db.Events.List()[^1].ActionId!.Value)!.AfterVersion);
    }

    [Fact]
    public void A_write_after_a_rolled_back_write_names_the_version_it_gets()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        Assert.Throws<InvalidOperationException>(() => _test.Db.InTransaction(() =>
        {
            _test.Db.Things.Update("Startup", "acme", Acme);
            throw new InvalidOperationException("the verb failed after writing");
        }));

        var written = _test.Db.Things.Update("Startup", "acme", Acme);

        var action = Actions.Get(_test.Db.Events.List()[^1].ActionId!.Value)!;
        Assert.Equal(written.Version, action.AfterVersion);
        Assert.Equal(1, action.BeforeVersion);
        Assert.Equal(2, _test.Db.Things.History("Startup", "acme").Count);
    }

    [Fact]
    public void Get_ReturnsTheActionOfAWrite()
    {
        var v1 = _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Time.Advance(TimeSpan.FromSeconds(3));
        var v2 = _test.Db.Things.Update("Startup", "acme", Acme, new WriteOptions { Verb = "Prioritize", Event = "prioritized", Actor = "alice", Input = """{"by":1}""", Durability = Durability.Try });
        var id = _test.Db.Events.List()[^1].ActionId!.Value;

        var action = Actions.Get(id);

        Assert.NotNull(action);
        Assert.Equal(id, action.Id);
        Assert.Equal("Prioritize", action.Verb);
        Assert.Equal("alice", action.Actor);
        Assert.Equal("acme", action.Target);
        Assert.Equal("""{"by":1}""", action.Input);
        Assert.Null(action.Output);
        Assert.Equal(v1.Version, action.BeforeVersion);
        Assert.Equal(v2.Version, action.AfterVersion);
        Assert.Equal(Durability.Try, action.Durability);
        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(1, action.Attempts);
        Assert.Null(action.Error);
        Assert.Equal(TestDatabase.Start.AddSeconds(3), action.CreatedAt);
        Assert.Equal(TestDatabase.Start.AddSeconds(3), action.CompletedAt);
    }

    [Fact]
    public void Get_UnknownId_ReturnsNull()
    {
        Assert.Null(Actions.Get(42));
    }

    [Fact]
    public void List_IsNewestFirst_FilteredByTargetAndStatus_AndLimited()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        _test.Db.Things.Create("Startup", "globex", Acme);
        _test.Db.Things.Update("Startup", "acme", Acme);
        _test.Db.Things.Delete("Startup", "acme");

        Assert.Equal(["delete", "update", "create", "create"], Actions.List().Select(a => a.Verb));
        Assert.Equal(["delete", "update", "create"], Actions.List(target: "acme").Select(a => a.Verb));
        Assert.Equal(4, Actions.List(status: ActionStatus.Completed).Count);
        Assert.Empty(Actions.List(status: ActionStatus.Failed));
        Assert.Equal(["delete", "update"], Actions.List(limit: 2).Select(a => a.Verb));
        Assert.Throws<ArgumentOutOfRangeException>(() => Actions.List(limit: 0));
    }

    [Fact]
    public void Open_ListsUnfinishedActionsOldestFirst()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);
        // Unfinished durable actions, as a crashed Do verb leaves them.
        Sql.Scalar(_test.Path, """
            INSERT INTO stored_actions (verb, target, durability, status, attempts, error, created_at, updated_at) VALUES
              ('Launch', 'acme', 'do', 'pending', 0, NULL, 1, 1),
              ('Launch', 'globex', 'do', 'retrying', 2, 'timeout', 2, 2),
              ('Launch', 'initech', 'do', 'failed', 5, 'gave up', 3, 3),
              ('Launch', 'hooli', 'do', 'running', 1, NULL, 4, 4)
            """);

        var open = Actions.Open();

        Assert.Equal(["acme", "globex", "hooli"], open.Select(a => a.Target));
        Assert.Equal([ActionStatus.Pending, ActionStatus.Retrying, ActionStatus.Running], open.Select(a => a.Status));
        Assert.Equal("timeout", open[1].Error);
        Assert.Equal(2, open[1].Attempts);
        Assert.Null(open[0].CompletedAt);
        Assert.Equal("gave up", Actions.List(status: ActionStatus.Failed).Single().Error);
    }

    [Fact]
    public void Open_IsEmptyWhenEverythingCompleted()
    {
        _test.Db.Things.Create("Startup", "acme", Acme);

        Assert.Empty(Actions.Open());
    }

    [Theory]
    [InlineData(Durability.Send)]
    [InlineData(Durability.Try)]
    [InlineData(Durability.Do)]
    public void Durability_RoundTrips(Durability durability)
    {
        _test.Db.Things.Create("Startup", "acme", Acme, new WriteOptions { Durability = durability });

        Assert.Equal(durability, Actions.List().Single().Durability);
    }
}
