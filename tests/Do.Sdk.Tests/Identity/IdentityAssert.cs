using System.Globalization;

namespace Do.Tests.Identity;

/// <summary>Assertions shared by the identity tests: how a rejected value must be reported.</summary>
internal static class IdentityAssert
{
    /// <summary>
    /// Asserts that <paramref name="parse"/> throws exactly <typeparamref name="TException"/>, that
    /// <see cref="InvalidIdentifierException.Value"/> is the input unchanged, and that the message reads
    /// <c>{shown} is not a valid {kind}: {reason}. Expected {form}.</c> with nothing unprintable in it.
    /// </summary>
    /// <param name="shownAs">How the value is quoted in the message; by default the input in double quotes.</param>
    public static TException Rejects<TException>(Func<object?> parse, string? input, string reason, string expectedForm, string? shownAs = null)
        where TException : InvalidIdentifierException
    {
        var ex = Assert.Throws<TException>(() => parse());

        Assert.Equal(input, ex.Value);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.Equal(expectedForm, ex.ExpectedForm);

        var shown = shownAs ?? "\"" + input + "\"";
        Assert.StartsWith(shown + " is not a valid ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(": " + ex.Reason + ". Expected ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Expected " + expectedForm + ".", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ex.Message, c => char.IsControl(c) || char.IsSurrogate(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
        return ex;
    }

    /// <summary>How a value longer than 80 characters is shown: its first 80 characters, then its length.</summary>
    public static string Shortened(string value) => "\"" + value[..80] + "\"… (" + value.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
}
