using Do.Storage;
using Do.Tests.Support;

namespace Do.Tests.Storage;

public sealed class ObjectStoreTests : IDisposable
{
    private static readonly ObjectNamespace Holding = ObjectNamespace.Parse("https://holding.example");
    private static readonly ObjectNamespace Acme = ObjectNamespace.Parse("https://acme.example");
    private static readonly ObjectNamespace Globex = ObjectNamespace.Parse("https://globex.example");
    private readonly TestDatabase _test = new("https://app.acme.example");

    private ObjectStore Objects => _test.Db.Objects;

    public void Dispose() => _test.Dispose();

    [Fact]
    public void NewObject_HasNoParentRootOrChildren()
    {
        Assert.Null(Objects.Parent());
        Assert.Null(Objects.Root());
        Assert.Empty(Objects.Children());
    }

    [Fact]
    public void Link_Parent_IsSingleValued_TheNewOneReplacesTheOld()
    {
        Objects.Link(Acme, "Business", ObjectStore.ParentRole);

        var link = Objects.Link(Globex, "Business", ObjectStore.ParentRole);

        Assert.Equal(new ObjectLink("https://globex.example", "Business", "parent", TestDatabase.Start), link);
        Assert.Equal(link, Objects.Parent());
        Assert.Single(Objects.Links(ObjectStore.ParentRole));
    }

    [Fact]
    public void Link_Root_IsSingleValued()
    {
        Objects.Link(Acme, "Business", ObjectStore.RootRole);
        Objects.Link(Holding, "Business", ObjectStore.RootRole);

        Assert.Equal("https://holding.example", Objects.Root()!.Namespace);
        Assert.Single(Objects.Links(ObjectStore.RootRole));
    }

    [Fact]
    public void Link_Children_AreManyValued_InLinkOrder_AndRelinkingUpdatesTheClass()
    {
        Objects.Link(Globex, "Site", ObjectStore.ChildRole);
        Objects.Link(Acme, "Site", ObjectStore.ChildRole);

        Objects.Link(Globex, "Shop", ObjectStore.ChildRole);

        Assert.Equal(["https://globex.example", "https://acme.example"], Objects.Children().Select(c => c.Namespace));
        Assert.Equal(["Shop", "Site"], Objects.Children().Select(c => c.Class));
    }

    [Fact]
    public void Link_OtherRoles_AreListedByRole()
    {
        Objects.Link(Acme, "Shard", "shard");
        Objects.Link(Globex, "Shard", "shard");
        Objects.Link(Acme, "Business", ObjectStore.ParentRole);

        Assert.Equal(["https://acme.example", "https://globex.example"], Objects.Links("shard").Select(l => l.Namespace));
        Assert.Empty(Objects.Links("fork"));
    }

    [Fact]
    public void Link_RejectsMissingArguments()
    {
        Assert.Throws<ArgumentNullException>(() => Objects.Link(null!, "Business", "parent"));
        Assert.ThrowsAny<ArgumentException>(() => Objects.Link(Acme, "", "parent"));
        Assert.ThrowsAny<ArgumentException>(() => Objects.Link(Acme, "Business", " "));
    }

    [Fact]
    public void Unlink_RemovesOneLink_AndSaysWhetherItExisted()
    {
        Objects.Link(Acme, "Business", ObjectStore.ParentRole);
        Objects.Link(Acme, "Site", ObjectStore.ChildRole);

        Assert.True(Objects.Unlink(Acme, ObjectStore.ParentRole));
        Assert.False(Objects.Unlink(Acme, ObjectStore.ParentRole));
        Assert.Null(Objects.Parent());
        Assert.Single(Objects.Children());
    }
}
