namespace Do.Tests.Identity;

public class RefTests
{
    private static readonly DateTimeOffset NineUtc = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_IdAlone_IsHead()
    {
        var r = Ref.Parse("acme");

        Assert.Equal(RefKind.Head, r.Kind);
        Assert.Equal("acme", r.Id);
        Assert.Null(r.Namespace);
        Assert.Null(r.Branch);
        Assert.False(r.IsDetached);
    }

    [Theory]
    [InlineData("acme@main", "main")]
    [InlineData("acme@experiment", "experiment")]
    [InlineData("acme@pricing-v2", "pricing-v2")]
    [InlineData("acme@v2-beta", "v2-beta")]
    [InlineData("acme@vnext", "vnext")]
    [InlineData("acme@head", "head")]
    [InlineData("acme@release_1.2", "release_1.2")]
    public void Parse_Branch(string input, string branch)
    {
        var r = Ref.Parse(input);

        Assert.Equal(RefKind.Branch, r.Kind);
        Assert.Equal("acme", r.Id);
        Assert.Equal(branch, r.Branch);
        Assert.False(r.IsDetached);
    }

    [Theory]
    [InlineData("acme@v1234", 1234L)]
    [InlineData("acme@v1", 1L)]
    [InlineData("acme@v0007", 7L)]
    [InlineData("acme@v9223372036854775807", long.MaxValue)]
    public void Parse_Version(string input, long version)
    {
        var r = Ref.Parse(input);

        Assert.Equal(RefKind.Version, r.Kind);
        Assert.Equal("acme", r.Id);
        Assert.Equal(version, r.Version);
        Assert.True(r.IsDetached);
    }

    [Theory]
    [InlineData("acme@~1", 1)]
    [InlineData("acme@~0", 0)]
    [InlineData("acme@~01", 1)]
    [InlineData("acme@~2147483647", int.MaxValue)]
    public void Parse_Ancestor(string input, int back)
    {
        var r = Ref.Parse(input);

        Assert.Equal(RefKind.Ancestor, r.Kind);
        Assert.Equal(back, r.Back);
        Assert.True(r.IsDetached);
    }

    [Theory]
    [InlineData("acme@2026-11-23T09:00:00Z")]
    [InlineData("acme@2026-11-23T09:00Z")]
    [InlineData("acme@2026-11-23T09:00:00.0000000Z")]
    [InlineData("acme@2026-11-23T10:00:00+01:00")]
    [InlineData("acme@2026-11-23T10:00+01:00")]
    [InlineData("acme@2026-11-23T03:30:00-05:30")]
    [InlineData("acme@2026-11-23T23:00:00+14:00")]
    public void Parse_Time_IsNormalisedToUtc(string input)
    {
        var r = Ref.Parse(input);

        Assert.Equal(RefKind.AsOf, r.Kind);
        Assert.Equal(NineUtc, r.AsOf);
        Assert.Equal(TimeSpan.Zero, r.AsOf.Offset);
        Assert.True(r.IsDetached);
        Assert.Equal("acme@2026-11-23T09:00:00Z", r.ToString());
        Assert.Equal(Ref.Parse("acme@2026-11-23T09:00:00Z"), r);
    }

    [Fact]
    public void Parse_Time_KeepsFractionsOfASecondAndCrossesMidnight()
    {
        var r = Ref.Parse("acme@2026-11-23T01:00:00.1234567+03:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero).AddTicks(1234567), r.AsOf);
        Assert.Equal("acme@2026-11-22T22:00:00.1234567Z", r.ToString());
        Assert.NotEqual(Ref.Parse("acme@2026-11-22T22:00:00Z"), r);
    }

    [Fact]
    public void Parse_FullUrlRef_KeepsItsCanonicalNamespace()
    {
        var r = Ref.Parse("HTTPS://Startups.Studio:443/acme@v3");

        Assert.Equal(ObjectNamespace.Parse("https://startups.studio"), r.Namespace);
        Assert.Equal("acme", r.Id);
        Assert.Equal(RefKind.Version, r.Kind);
        Assert.Equal(3, r.Version);
        Assert.Equal("https://startups.studio/acme@v3", r.ToString());
    }

    [Theory]
    [InlineData("@v3", RefKind.Version)]
    [InlineData("@~2", RefKind.Ancestor)]
    [InlineData("@main", RefKind.Branch)]
    [InlineData("@2026-11-23T09:00Z", RefKind.AsOf)]
    public void Parse_ObjectRef_HasAnEmptyId(string input, RefKind kind)
    {
        var r = Ref.Parse(input);

        Assert.Equal("", r.Id);
        Assert.Null(r.Namespace);
        Assert.Equal(kind, r.Kind);
    }

    [Theory]
    [InlineData("https://startups.studio@v3", "https://startups.studio")]
    [InlineData("https://startups.studio/@v3", "https://startups.studio")]
    [InlineData("https://acme.example/tenants/eu/@v3", "https://acme.example/tenants/eu")]
    public void Parse_FullUrlObjectRef_HasTheNamespaceAndAnEmptyId(string input, string ns)
    {
        var r = Ref.Parse(input);

        Assert.Equal("", r.Id);
        Assert.Equal(ns, r.Namespace?.Value);
        Assert.Equal(3, r.Version);
    }

    [Theory]
    [InlineData("acme", "acme")]
    [InlineData("acme@main", "acme@main")]
    [InlineData("acme@v0042", "acme@v42")]
    [InlineData("acme@~007", "acme@~7")]
    [InlineData("acme@2026-11-23T10:00+01:00", "acme@2026-11-23T09:00:00Z")]
    [InlineData("acme@2026-11-23T09:00:00.5Z", "acme@2026-11-23T09:00:00.5Z")]
    [InlineData("@v3", "@v3")]
    [InlineData("HTTPS://Startups.Studio/acme", "https://startups.studio/acme")]
    [InlineData("https://startups.studio:443/acme@~1", "https://startups.studio/acme@~1")]
    [InlineData("https://startups.studio/@main", "https://startups.studio@main")]
    [InlineData("https://acme.example/tenants/eu/@v3", "https://acme.example/tenants/eu/@v3")]
    [InlineData("https://acme.example/tenants/eu/", "https://acme.example/tenants/eu/")]
    [InlineData("https://acme.example/tenants/eu@v3", "https://acme.example/tenants/eu@v3")]
    public void ToString_IsCanonicalAndParsesBackToAnEqualRef(string input, string canonical)
    {
        var r = Ref.Parse(input);
        var again = Ref.Parse(r.ToString());

        Assert.Equal(canonical, r.ToString());
        Assert.Equal(r, again);
        Assert.Equal(r.Kind, again.Kind);
        Assert.Equal(r.Id, again.Id);
        Assert.Equal(r.Namespace, again.Namespace);
    }

    [Fact]
    public void ObjectRefAndThingRef_WithTheSameUrlText_StayDistinct()
    {
        var thing = Ref.Parse("https://acme.example/tenants/eu@v3");
        var obj = Ref.Parse("https://acme.example/tenants/eu/@v3");

        Assert.Equal("eu", thing.Id);
        Assert.Equal("", obj.Id);
        Assert.NotEqual(thing, obj);
    }

    [Fact]
    public void Equality_FollowsCanonicalForm()
    {
        var a = Ref.Parse("acme@~01");
        var b = Ref.Parse("acme@~1");

        Assert.Equal(a, b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<Ref> { a, b, Ref.Parse("acme@~1") });

        Assert.NotEqual(Ref.Parse("acme@main"), Ref.Parse("acme@Main"));
        Assert.NotEqual(Ref.Parse("acme"), Ref.Parse("Acme"));
        Assert.NotEqual(Ref.Parse("acme"), Ref.Parse("https://startups.studio/acme"));
        Assert.NotEqual(Ref.Parse("acme@v1"), Ref.Parse("acme@~1"));
        Assert.NotEqual(Ref.Parse("acme"), Ref.Parse("acme@main"));
        Assert.False(a.Equals(null));
    }

    [Theory]
    [InlineData("acme", false)]
    [InlineData("acme@main", false)]
    [InlineData("@experiment", false)]
    [InlineData("acme@v1", true)]
    [InlineData("acme@~0", true)]
    [InlineData("acme@~3", true)]
    [InlineData("acme@2026-11-23T09:00Z", true)]
    public void IsDetached_OnlyForRefsThatCannotMoveForward(string input, bool detached)
        => Assert.Equal(detached, Ref.Parse(input).IsDetached);

    [Fact]
    public void Head_BuildsARefToHead()
    {
        var r = Ref.Head("acme");

        Assert.Equal(RefKind.Head, r.Kind);
        Assert.Equal(Ref.Parse("acme"), r);
        IdentityAssert.Rejects<InvalidRefException>(
            () => Ref.Head("acme@v1"), "acme@v1", "it contains '@', which starts a ref selector", InvalidRefException.Form);
    }

    [Fact]
    public void TryParse_ReportsSuccessWithoutThrowing()
    {
        Assert.True(Ref.TryParse("acme@v1", out var r));
        Assert.Equal(1, r.Version);

        Assert.False(Ref.TryParse("acme@v", out var bad));
        Assert.Null(bad);
        Assert.False(Ref.TryParse(null, out _));
    }

    public static TheoryData<string, string> BadRefs => new()
    {
        { "", "it is empty" },
        { "acme@", "nothing follows '@'" },
        { "@", "nothing follows '@'" },
        { "acme@main@v3", "it has more than one '@'" },
        { "acme@@main", "it has more than one '@'" },
        { "acme@v", "'@v' needs a version number, e.g. @v1234" },
        { "@v", "'@v' needs a version number, e.g. @v1234" },
        { "acme@v0", "the version after '@v' is 0; versions start at 1" },
        { "acme@v-1", "the version after '@v' is negative; versions start at 1" },
        { "acme@v+1", "the version after '@v' has a sign; write digits only, e.g. @v1234" },
        { "acme@v9223372036854775808", "the version after '@v' is larger than 9223372036854775807" },
        { "acme@~", "'@~' needs a count of versions back, e.g. @~1" },
        { "acme@~-1", "'@~' takes a count of zero or more versions back, not a negative number" },
        { "acme@~x", "'@~' needs a count of versions back, e.g. @~1" },
        { "acme@~1.5", "'@~' needs a count of versions back, e.g. @~1" },
        { "acme@~2147483648", "the count after '@~' is larger than 2147483647" },
        { "acme@2026-11-23T09:00:00", "the time after '@' has no zone; add Z for UTC or an offset such as +01:00" },
        { "acme@2026-11-23T09:00", "the time after '@' has no zone; add Z for UTC or an offset such as +01:00" },
        { "acme@2026-11-23T09:00:00.5", "the time after '@' has no zone; add Z for UTC or an offset such as +01:00" },
        { "acme@2026-11-23", "the time after '@' is a date without a time of day and zone, e.g. write 2026-11-23T00:00:00Z" },
        { "acme@2026-13-01T09:00:00Z", "the time after '@' is not an ISO-8601 time with a zone (Z or an offset), e.g. 2026-11-23T09:00:00Z" },
        { "acme@2026-11-23T09:00:00.Z", "the time after '@' is not an ISO-8601 time with a zone" },
        { "acme@2026-11-23T09:00:00+25:00", "the time after '@' is not an ISO-8601 time with a zone" },
        { "acme@2026-11-23T09:00:00+15:00", "the time after '@' is not an ISO-8601 time with a zone" },
        { "acme@1700000000", "the time after '@' is not an ISO-8601 time with a zone" },
        { "acme@2026-11-23 09:00:00Z", "it contains white space" },
        { "acme@HEAD", "the branch name is \"HEAD\", which is reserved (a ref without '@' already means HEAD)" },
        { "acme@main.lock", "the branch name ends with \".lock\", which git reserves for lock files" },
        { "acme@a..b", "the branch name contains \"..\"" },
        { "acme@.hidden", "the branch name starts with '.'" },
        { "acme@-f", "the branch name starts with '-'" },
        { "acme@main.", "the branch name ends with '.'" },
        { "acme@feature/login", "the branch name contains '/', but a branch name is a single component" },
        { "acme@ma!n", "the branch name contains '!', which is not allowed in a branch name" },
        { "acme@ma%69n", "the branch name contains '%', which is not allowed in a branch name" },
        { "acme@mäin", "the branch name contains 'ä' (U+00E4), which is not allowed in a branch name" },
        { "acme@m\u0430in", "the branch name contains 'а' (U+0430), which is not allowed in a branch name" },
        { "acme@" + new string('b', 101), "the branch name is 101 characters long, the limit is 100" },
        { "../acme", "the id contains '/', but a local id is a single segment" },
        { "..@main", "the id is \"..\", a relative path step" },
        { ".", "the id is \".\", a relative path step" },
        { "ac me", "it contains white space" },
        { " acme", "it contains white space" },
        { "acme ", "it contains white space" },
        { "ac%6De", "the id contains '%'; percent-encoded characters are not accepted" },
        { "acme?x=1", "the id has a query ('?')" },
        { "acme#top", "the id has a fragment ('#')" },
        { "acme$", "the id contains '$', which is not allowed" },
        { "https://user@startups.studio/acme", "it has user info ('user@') before the host" },
        { "https://user:secret@startups.studio/acme@v3", "it has more than one '@'" },
        { "ftp://startups.studio/acme@v3", "its namespace is invalid: the scheme \"ftp\" is not http or https" },
        { "https://startups.studio/acme?x@v3", "the local id has a query ('?')" },
        { "https://startups.studio:0/acme", "its namespace is invalid: the port \"0\" is not a number from 1 to 65535" },
        { "https://startups.studio/../acme@v3", "its namespace is invalid: a path segment is \"..\", a relative path step" },
        { "https://startups.studio//acme@v3", "it has an empty path segment ('//')" },
        { "https://startups.studio/acme@v", "'@v' needs a version number, e.g. @v1234" },
    };

    [Theory]
    [MemberData(nameof(BadRefs))]
    public void Parse_RejectsBadRef_NamingValueReasonAndForm(string input, string reason)
    {
        var shown = input.Length > 80 ? IdentityAssert.Shortened(input) : null;

        IdentityAssert.Rejects<InvalidRefException>(() => Ref.Parse(input), input, reason, InvalidRefException.Form, shown);
        Assert.False(Ref.TryParse(input, out _));
    }

    public static TheoryData<string, string, string> HostileCharacters => new()
    {
        { "acme\0", "it contains the control character U+0000", "\"acme\\u0000\"" },
        { "acme@main\r\n", "it contains the control character U+000D", "\"acme@main\\u000d\\u000a\"" },
        { "acme\u001b[31m@v1", "it contains the control character U+001B", "\"acme\\u001b[31m@v1\"" },
        { "acme@~\u0085", "it contains the control character U+0085", "\"acme@~\\u0085\"" },
        { "acme\u2028", "it contains white space (U+2028)", "\"acme\\u2028\"" },
        { "acme\u200b", "the id contains U+200B, which is not allowed", "\"acme\\u200b\"" },
        { "acme@\u202eniam", "the branch name contains U+202E, which is not allowed in a branch name", "\"acme@\\u202eniam\"" },
    };

    [Theory]
    [MemberData(nameof(HostileCharacters))]
    public void Parse_RejectsHiddenCharacters_ShowingThemEscaped(string input, string reason, string shownAs)
        => IdentityAssert.Rejects<InvalidRefException>(() => Ref.Parse(input), input, reason, InvalidRefException.Form, shownAs);

    [Fact]
    public void Parse_RejectsLoneSurrogate_ShowingItEscaped()
    {
        // A fact, not theory data: xunit's serialiser would replace the lone surrogate with U+FFFD.
        var input = "acme@main\ud800";

        IdentityAssert.Rejects<InvalidRefException>(
            () => Ref.Parse(input), input, "the branch name contains U+D800, which is not allowed in a branch name", InvalidRefException.Form, "\"acme@main\\ud800\"");
    }

    [Fact]
    public void Parse_RejectsOverlongRef_ShowingItShortened()
    {
        var input = new string('a', 1345);

        var ex = IdentityAssert.Rejects<InvalidRefException>(
            () => Ref.Parse(input), input, "it is 1345 characters long, the limit is 1344", InvalidRefException.Form, IdentityAssert.Shortened(input));

        Assert.True(ex.Message.Length < 600, ex.Message);
    }

    [Fact]
    public void Parse_Error_ReadsAsOneSentence()
    {
        var ex = Assert.Throws<InvalidRefException>(() => Ref.Parse("acme@v"));

        Assert.Equal(
            "\"acme@v\" is not a valid ref: '@v' needs a version number, e.g. @v1234. "
            + "Expected <id>, <id>@<branch>, <id>@v<version>, <id>@~<n> or <id>@<ISO-8601 time with Z or offset>, "
            + "where <id> is a local id, a full URL or nothing for the object itself, "
            + "e.g. acme, acme@main, acme@v1234, acme@~1, acme@2026-11-23T09:00:00Z, https://startups.studio/acme@v3 or @v3.",
            ex.Message);
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.IsAssignableFrom<InvalidIdentifierException>(ex);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("experiment")]
    [InlineData("pricing-v2")]
    [InlineData("v2-beta")]
    [InlineData("v1a")]
    [InlineData("vnext")]
    [InlineData("head")]
    [InlineData("release_1.2")]
    [InlineData("a")]
    public void ValidateBranchName_AcceptsGitStyleNames_ThatRefsCanName(string name)
    {
        Assert.Equal(name, Ref.ValidateBranchName(name));

        var r = Ref.Parse("acme@" + name);
        Assert.Equal(RefKind.Branch, r.Kind);
        Assert.Equal(name, r.Branch);
    }

    [Fact]
    public void ValidateBranchName_AcceptsTheLongestName()
    {
        var name = new string('b', 100);

        Assert.Equal(name, Ref.ValidateBranchName(name));
    }

    public static TheoryData<string, string> BadBranchNames => new()
    {
        { "", "it is empty" },
        { "HEAD", "it is \"HEAD\", which is reserved (a ref without '@' already means HEAD)" },
        { "main.lock", "it ends with \".lock\", which git reserves for lock files" },
        { "a..b", "it contains \"..\"" },
        { "..", "it starts with '.'" },
        { ".hidden", "it starts with '.'" },
        { "-f", "it starts with '-'" },
        { "main.", "it ends with '.'" },
        { "v", "it is reserved because it reads as a version (@v<number>)" },
        { "v123", "it is reserved because it reads as a version (@v<number>)" },
        { "v-1", "it is reserved because it reads as a version (@v<number>)" },
        { "2026-release", "it starts with a digit, which is reserved because it reads as a time (@2026-11-23T09:00:00Z)" },
        { "feature/login", "it contains '/', but a branch name is a single component" },
        { "ma in", "it contains white space" },
        { "main~1", "it contains '~', which is not allowed in a branch name" },
        { "main@{1}", "it contains '@', which is not allowed in a branch name" },
        { "a:b", "it contains ':', which is not allowed in a branch name" },
        { "mäin", "it contains 'ä' (U+00E4), which is not allowed in a branch name" },
        { new string('b', 101), "it is 101 characters long, the limit is 100" },
    };

    [Theory]
    [MemberData(nameof(BadBranchNames))]
    public void ValidateBranchName_RejectsWhatGitOrRefsWouldMisread(string name, string reason)
    {
        var shown = name.Length > 80 ? IdentityAssert.Shortened(name) : null;

        IdentityAssert.Rejects<InvalidBranchNameException>(() => Ref.ValidateBranchName(name), name, reason, InvalidBranchNameException.Form, shown);
    }

    [Fact]
    public void ValidateBranchName_RejectsControlCharacter_ShowingItEscaped()
        => IdentityAssert.Rejects<InvalidBranchNameException>(
            () => Ref.ValidateBranchName("main\0"), "main\0", "it contains the control character U+0000", InvalidBranchNameException.Form, "\"main\\u0000\"");

    [Theory]
    [InlineData("v1")]
    [InlineData("v")]
    [InlineData("HEAD")]
    [InlineData("2026-11-23T09:00Z")]
    public void ReservedBranchNames_AreExactlyTheSelectorsThatMeanSomethingElse(string name)
    {
        Assert.Throws<InvalidBranchNameException>(() => Ref.ValidateBranchName(name));
        Assert.NotEqual(RefKind.Branch, Ref.TryParse("acme@" + name, out var r) ? r.Kind : (RefKind?)null);
    }
}
