namespace Do.Tests.Identity;

public class ThingIdTests
{
    private static readonly ObjectNamespace Studio = ObjectNamespace.Parse("https://startups.studio");

    [Theory]
    [InlineData("https://startups.studio/acme", "https://startups.studio", "acme")]
    [InlineData("HTTPS://Startups.Studio:443/Acme", "https://startups.studio", "Acme")]
    [InlineData("https://acme.example/tenants/eu/invoice-42", "https://acme.example/tenants/eu", "invoice-42")]
    [InlineData("http://localhost:5000/a.b_c~d-e:f+g", "http://localhost:5000", "a.b_c~d-e:f+g")]
    public void Parse_SplitsNamespaceAndLocalId(string input, string ns, string localId)
    {
        var id = ThingId.Parse(input);

        Assert.Equal(ns, id.Namespace.Value);
        Assert.Equal(localId, id.LocalId);
        Assert.Equal(ns + "/" + localId, id.Value);
        Assert.Equal(id.Value, id.ToString());
        Assert.False(id.IsObject);
    }

    [Theory]
    [InlineData("https://startups.studio")]
    [InlineData("HTTPS://Startups.Studio/")]
    [InlineData("https://startups.studio:443")]
    public void Parse_NamespaceAlone_IsTheObjectItself(string input)
    {
        var id = ThingId.Parse(input);

        Assert.True(id.IsObject);
        Assert.Equal("", id.LocalId);
        Assert.Equal(Studio, id.Namespace);
        Assert.Equal(Studio.Value, id.Value); // $id == ns
    }

    [Fact]
    public void Parse_TrailingSlash_NamesTheObjectWhoseNamespaceHasAPath()
    {
        var thing = ThingId.Parse("https://acme.example/tenants/eu");
        var obj = ThingId.Parse("https://acme.example/tenants/eu/");

        Assert.Equal("eu", thing.LocalId);
        Assert.True(obj.IsObject);
        Assert.Equal("https://acme.example/tenants/eu", obj.Namespace.Value);
    }

    [Fact]
    public void ForObject_HasTheNamespaceAsItsId()
    {
        var id = ThingId.ForObject(Studio);

        Assert.True(id.IsObject);
        Assert.Equal("https://startups.studio", id.Value);
        Assert.Equal(id, ThingId.Parse("https://startups.studio"));
        Assert.NotEqual(id, Studio.Thing("startups.studio"));
    }

    [Fact]
    public void Create_EqualsParseOfTheSameId()
    {
        var created = ThingId.Create(Studio, "acme");
        var parsed = ThingId.Parse("HTTPS://STARTUPS.studio/acme");

        Assert.Equal(created, parsed);
        Assert.True(created.Equals((object)parsed));
        Assert.Equal(created.GetHashCode(), parsed.GetHashCode());
        Assert.Single(new HashSet<ThingId> { created, parsed });
        Assert.NotEqual(created, ThingId.Create(Studio, "Acme"));
        Assert.NotEqual(created, ThingId.Parse("http://startups.studio/acme"));
        Assert.False(created.Equals(null));
    }

    [Fact]
    public void Create_AcceptsTheLongestLocalId()
    {
        var localId = new string('a', 256);

        Assert.Equal(localId, ThingId.Create(Studio, localId).LocalId);
    }

    [Fact]
    public void Create_WithoutNamespace_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => ThingId.Create(null!, "acme"));

    [Fact]
    public void TryParse_ReportsSuccessWithoutThrowing()
    {
        Assert.True(ThingId.TryParse("https://startups.studio/acme", out var id));
        Assert.Equal("acme", id.LocalId);

        Assert.False(ThingId.TryParse("acme", out var bad));
        Assert.Null(bad);
        Assert.False(ThingId.TryParse(null, out _));
    }

    public static TheoryData<string, string> BadLocalIds => new()
    {
        { "", "it is empty" },
        { "a/b", "it contains '/', but a local id is a single segment" },
        { "../etc", "it contains '/', but a local id is a single segment" },
        { ".", "it is \".\", a relative path step" },
        { "..", "it is \"..\", a relative path step" },
        { "ac me", "it contains white space" },
        { "acme?x=1", "it has a query ('?')" },
        { "acme#top", "it has a fragment ('#')" },
        { "acme@v3", "it contains '@', which starts a ref selector" },
        { "ac%6De", "it contains '%'; percent-encoded characters are not accepted" },
        { "a\\b", "it contains '\\', which is not allowed" },
        { "<script>", "it contains '<', which is not allowed" },
        { "äcme", "it contains 'ä' (U+00E4), which is not allowed" },
        { new string('a', 257), "it is 257 characters long, the limit is 256" },
    };

    [Theory]
    [MemberData(nameof(BadLocalIds))]
    public void Create_RejectsBadLocalId_NamingValueReasonAndForm(string localId, string reason)
    {
        var shown = localId.Length > 80 ? IdentityAssert.Shortened(localId) : null;

        IdentityAssert.Rejects<InvalidThingIdException>(() => ThingId.Create(Studio, localId), localId, reason, InvalidThingIdException.Form, shown);
        IdentityAssert.Rejects<InvalidThingIdException>(() => Studio.Thing(localId), localId, reason, InvalidThingIdException.Form, shown);
    }

    [Fact]
    public void Create_RejectsControlCharacter_ShowingItEscaped()
        => IdentityAssert.Rejects<InvalidThingIdException>(
            () => ThingId.Create(Studio, "acme\a"), "acme\a", "it contains the control character U+0007", InvalidThingIdException.Form, "\"acme\\u0007\"");

    [Fact]
    public void Create_EmptyLocalId_PointsAtForObject()
    {
        var ex = Assert.Throws<InvalidThingIdException>(() => ThingId.Create(Studio, ""));

        Assert.Equal(
            "\"\" is not a valid thing id: it is empty. Expected a local id of 1 to 256 characters from A-Z a-z 0-9 . _ ~ - : + "
            + "(not \".\" or \"..\"), e.g. acme; the object itself is ThingId.ForObject(ns).",
            ex.Message);
    }

    public static TheoryData<string, string> BadFullIds => new()
    {
        { "", "it is empty" },
        { "acme", "it is a local id without its namespace; use ns.Thing(localId) or ThingId.Create(ns, localId)" },
        { "startups.studio/acme", "it has no http:// or https:// scheme" },
        { "ftp://startups.studio/acme", "its namespace is invalid: the scheme \"ftp\" is not http or https" },
        { "https://user@startups.studio/acme", "its namespace is invalid: it has user info ('user@') before the host" },
        { "https://startups.studio:99999/acme", "its namespace is invalid: the port \"99999\" is not a number from 1 to 65535" },
        { "https://startups.studio/../acme", "its namespace is invalid: a path segment is \"..\", a relative path step" },
        { "https://startups.studio/a//b/acme", "its namespace is invalid: the path has an empty segment ('//')" },
        { "https://startups.studio//acme", "it has an empty path segment ('//')" },
        { "https://startups.studio/eu//acme", "it has an empty path segment ('//')" },
        { "https://startups.studio//", "it has an empty path segment ('//')" },
        { "https://startups.studio/..", "the local id is \"..\", a relative path step" },
        { "https://startups.studio/acme?x=1", "the local id has a query ('?')" },
        { "https://startups.studio/acme#top", "the local id has a fragment ('#')" },
        { "https://startups.studio/acme@v3", "the local id contains '@', which starts a ref selector" },
        { "https://startups.studio/ac%20me", "the local id contains '%'; percent-encoded characters are not accepted" },
        { "https://startups.studio/ac me", "the local id contains white space" },
        { "https://startups.studio/" + new string('a', 257), "the local id is 257 characters long, the limit is 256" },
    };

    [Theory]
    [MemberData(nameof(BadFullIds))]
    public void Parse_RejectsBadFullId_NamingValueReasonAndForm(string input, string reason)
    {
        var shown = input.Length > 80 ? IdentityAssert.Shortened(input) : null;

        IdentityAssert.Rejects<InvalidThingIdException>(() => ThingId.Parse(input), input, reason, InvalidThingIdException.FullForm, shown);
        Assert.False(ThingId.TryParse(input, out _));
    }

    [Fact]
    public void Parse_LocalIdAlone_SaysHowToMakeAFullId()
    {
        var ex = Assert.Throws<InvalidThingIdException>(() => ThingId.Parse("acme"));

        Assert.Equal(
            "\"acme\" is not a valid thing id: it is a local id without its namespace; use ns.Thing(localId) or ThingId.Create(ns, localId). "
            + "Expected a full id <namespace URL>/<local id>, e.g. https://startups.studio/acme, or the namespace URL alone for the object itself, e.g. https://startups.studio.",
            ex.Message);
    }
}
