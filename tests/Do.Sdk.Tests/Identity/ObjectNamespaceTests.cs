namespace Do.Tests.Identity;

public class ObjectNamespaceTests
{
    [Theory]
    [InlineData("https://startups.studio", "https://startups.studio")]
    [InlineData("HTTPS://Startups.Studio/", "https://startups.studio")]
    [InlineData("HtTp://ACME.example", "http://acme.example")]
    [InlineData("https://startups.studio:443", "https://startups.studio")]
    [InlineData("http://acme.example:80/", "http://acme.example")]
    [InlineData("https://acme.example:80", "https://acme.example:80")]
    [InlineData("http://acme.example:443", "http://acme.example:443")]
    [InlineData("https://acme.example:8443/tenants", "https://acme.example:8443/tenants")]
    [InlineData("https://acme.example:08443", "https://acme.example:8443")]
    [InlineData("https://acme.example:00443", "https://acme.example")]
    [InlineData("https://Acme.Example/Tenants/EU", "https://acme.example/Tenants/EU")]
    [InlineData("https://acme.example/tenants/eu/", "https://acme.example/tenants/eu")]
    [InlineData("https://acme.example/a.b_c~d-e:f+g", "https://acme.example/a.b_c~d-e:f+g")]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    [InlineData("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x")]
    public void Parse_Canonicalises(string input, string canonical)
    {
        var ns = ObjectNamespace.Parse(input);

        Assert.Equal(canonical, ns.Value);
        Assert.Equal(canonical, ns.ToString());
        Assert.Equal(ns, ObjectNamespace.Parse(canonical));
    }

    [Fact]
    public void Parse_AcceptsSixteenPathSegmentsAndLongestValues()
    {
        var sixteen = "https://acme.example/" + string.Join('/', Enumerable.Repeat("s", 16));
        var longSegment = "https://acme.example/" + new string('a', 256);
        var host = string.Join('.', Enumerable.Repeat(new string('h', 63), 3)) + ".example";

        Assert.Equal(sixteen, ObjectNamespace.Parse(sixteen).Value);
        Assert.Equal(longSegment, ObjectNamespace.Parse(longSegment).Value);
        Assert.Equal("https://" + host, ObjectNamespace.Parse("https://" + host).Value);
    }

    [Fact]
    public void Equality_IgnoresSpellingButNotMeaning()
    {
        var a = ObjectNamespace.Parse("HTTPS://Startups.Studio:443/");
        var b = ObjectNamespace.Parse("https://startups.studio");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<ObjectNamespace> { a, b });

        Assert.NotEqual(b, ObjectNamespace.Parse("http://startups.studio"));
        Assert.NotEqual(b, ObjectNamespace.Parse("https://startups.studio:8443"));
        Assert.NotEqual(ObjectNamespace.Parse("https://acme.example/EU"), ObjectNamespace.Parse("https://acme.example/eu"));
        Assert.False(b == null);
        Assert.False(b.Equals(null));
    }

    [Fact]
    public void TryParse_ReportsSuccessWithoutThrowing()
    {
        Assert.True(ObjectNamespace.TryParse("https://Startups.Studio", out var ns));
        Assert.Equal("https://startups.studio", ns.Value);

        Assert.False(ObjectNamespace.TryParse("https://startups.studio?x", out var bad));
        Assert.Null(bad);
        Assert.False(ObjectNamespace.TryParse(null, out _));
    }

    [Fact]
    public void Thing_BuildsTheFullIdInsideTheNamespace()
    {
        var ns = ObjectNamespace.Parse("https://startups.studio/");

        var id = ns.Thing("acme");

        Assert.Equal("https://startups.studio/acme", id.Value);
        Assert.Same(ns, id.Namespace);
        Assert.Throws<InvalidThingIdException>(() => ns.Thing("a/b"));
    }

    public static TheoryData<string, string> BadNamespaces => new()
    {
        { "", "it is empty" },
        { "startups.studio", "it has no http:// or https:// scheme" },
        { "://startups.studio", "it has no http:// or https:// scheme" },
        { "https:/startups.studio", "it has no http:// or https:// scheme" },
        { "ftp://startups.studio", "the scheme \"ftp\" is not http or https" },
        { "javascript://startups.studio/%0Aalert(1)", "the scheme \"javascript\" is not http or https" },
        { "file:///etc/passwd", "the scheme \"file\" is not http or https" },
        { "https://", "it has no host" },
        { "https:///acme", "it has no host" },
        { "https://:8080", "it has no host" },
        { "https://user@startups.studio", "it has user info ('user@') before the host" },
        { "https://user:secret@startups.studio/x", "it has user info ('user@') before the host" },
        { "https://startups.studio?tenant=eu", "it has a query ('?')" },
        { "https://startups.studio/eu?x=1", "it has a query ('?')" },
        { "https://startups.studio#top", "it has a fragment ('#')" },
        { "https://startups.studio:", "it has ':' after the host but no port number" },
        { "https://startups.studio:0", "the port \"0\" is not a number from 1 to 65535" },
        { "https://startups.studio:65536", "the port \"65536\" is not a number from 1 to 65535" },
        { "https://startups.studio:-1", "the port \"-1\" is not a number from 1 to 65535" },
        { "https://startups.studio:http", "the port \"http\" is not a number from 1 to 65535" },
        { "https://startups.studio:4430000", "the port \"4430000\" is not a number from 1 to 65535" },
        { "https://startups.studio:443:443", "the host contains ':', which is not allowed in a host name" },
        { "https://[::1]:8080", "the host is an IPv6 address, which is not accepted; use a host name" },
        { "https://startups_studio.example", "the host contains '_', which is not allowed in a host name" },
        { "https://startups%2Estudio", "the host contains '%'; percent-encoded characters are not accepted" },
        { "https://startups.stüdio", "the host contains 'ü' (U+00FC), which is not allowed in a host name" },
        { "https://.startups.studio", "the host has an empty label" },
        { "https://startups..studio", "the host has an empty label" },
        { "https://startups.studio.", "the host has an empty label" },
        { "https://-startups.studio", "the host label \"-startups\" starts or ends with '-'" },
        { "https://startups-.studio", "the host label \"startups-\" starts or ends with '-'" },
        { "https://" + new string('h', 64) + ".studio", "the host has a label of 64 characters, the limit is 63" },
        { "https://" + string.Join('.', Enumerable.Repeat(new string('h', 50), 5)), "the host is 254 characters long, the limit is 253" },
        { "https://startups.studio/../etc", "a path segment is \"..\", a relative path step" },
        { "https://startups.studio/./eu", "a path segment is \".\", a relative path step" },
        { "https://startups.studio/eu/..", "a path segment is \"..\", a relative path step" },
        { "https://startups.studio/a//b", "the path has an empty segment ('//')" },
        { "https://startups.studio//", "the path has an empty segment ('//')" },
        { "https://startups.studio/eu//", "the path has an empty segment ('//')" },
        { "https://startups.studio/a%2Fb", "a path segment contains '%'; percent-encoded characters are not accepted" },
        { "https://startups.studio/a b", "it contains white space" },
        { " https://startups.studio", "it contains white space" },
        { "https://startups.studio/acme@v3", "a path segment contains '@', which starts a ref selector" },
        { "https://startups.studio/a!b", "a path segment contains '!', which is not allowed" },
        { "https://startups.studio/a\\b", "a path segment contains '\\', which is not allowed" },
        { "https://startups.studio/" + string.Join('/', Enumerable.Repeat("s", 17)), "the path has more than 16 segments" },
        { "https://startups.studio/" + new string('a', 257), "a path segment is 257 characters long, the limit is 256" },
    };

    [Theory]
    [MemberData(nameof(BadNamespaces))]
    public void Parse_RejectsBadNamespace_NamingValueReasonAndForm(string input, string reason)
    {
        var shown = input.Length > 80 ? IdentityAssert.Shortened(input) : null;

        IdentityAssert.Rejects<InvalidNamespaceException>(() => ObjectNamespace.Parse(input), input, reason, InvalidNamespaceException.Form, shown);
        Assert.False(ObjectNamespace.TryParse(input, out _));
    }

    public static TheoryData<string, string, string> HostileCharacters => new()
    {
        { "https://startups.studio/a\0b", "it contains the control character U+0000", "\"https://startups.studio/a\\u0000b\"" },
        { "https://startups.studio\n", "it contains the control character U+000A", "\"https://startups.studio\\u000a\"" },
        { "https://startups.studio/eu\r\nX-Evil: 1", "it contains the control character U+000D", "\"https://startups.studio/eu\\u000d\\u000aX-Evil: 1\"" },
        { "https://startups.studio\t", "it contains the control character U+0009", "\"https://startups.studio\\u0009\"" },
        { "https://startups.studio/a\u00a0b", "it contains white space (U+00A0)", "\"https://startups.studio/a\\u00a0b\"" },
        { "https://startups.studio/\u202eoiduts", "a path segment contains U+202E, which is not allowed", "\"https://startups.studio/\\u202eoiduts\"" },
        { "https://startups.studio/a\u200bb", "a path segment contains U+200B, which is not allowed", "\"https://startups.studio/a\\u200bb\"" },
    };

    [Theory]
    [MemberData(nameof(HostileCharacters))]
    public void Parse_RejectsHiddenCharacters_ShowingThemEscaped(string input, string reason, string shownAs)
        => IdentityAssert.Rejects<InvalidNamespaceException>(() => ObjectNamespace.Parse(input), input, reason, InvalidNamespaceException.Form, shownAs);

    [Fact]
    public void Parse_RejectsOverlongValue_ShowingItShortened()
    {
        var input = "https://startups.studio/" + new string('a', 1001);

        var ex = IdentityAssert.Rejects<InvalidNamespaceException>(
            () => ObjectNamespace.Parse(input), input, "it is 1025 characters long, the limit is 1024", InvalidNamespaceException.Form,
            shownAs: IdentityAssert.Shortened(input));

        Assert.DoesNotContain(new string('a', 81), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsNull()
    {
        var ex = Assert.Throws<InvalidNamespaceException>(() => ObjectNamespace.Parse(null!));

        Assert.Null(ex.Value);
        Assert.StartsWith("null is not a valid object namespace: it is null.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Error_ReadsAsOneSentence()
    {
        var ex = Assert.Throws<InvalidNamespaceException>(() => ObjectNamespace.Parse("https://startups.studio?tenant=eu"));

        Assert.Equal(
            "\"https://startups.studio?tenant=eu\" is not a valid object namespace: it has a query ('?'). "
            + "Expected an absolute http or https URL without query, fragment or user info, e.g. https://startups.studio or https://acme.example/tenants/eu.",
            ex.Message);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }
}
