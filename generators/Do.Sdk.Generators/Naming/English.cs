using System;
using System.Collections.Generic;

namespace Do.Sdk.Generators.Naming;

/// <summary>
/// English plurals for collection names and past tenses for event names. A PascalCase name is inflected on one
/// word: the plural on its last word (<c>SalesPerson</c> → <c>SalesPeople</c>), the past tense on its first
/// (<c>SendInvoice</c> → <c>SentInvoice</c>). Small irregular tables cover the common cases; anything else can be
/// overridden with <c>[Noun(Plural = ...)]</c> and <c>[Verb(Event = ...)]</c>.
/// </summary>
internal static class English
{
    private static readonly Dictionary<string, string> s_irregularPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "people",
        ["man"] = "men",
        ["woman"] = "women",
        ["child"] = "children",
        ["mouse"] = "mice",
        ["goose"] = "geese",
        ["foot"] = "feet",
        ["tooth"] = "teeth",
        ["ox"] = "oxen",
        ["leaf"] = "leaves",
        ["life"] = "lives",
        ["knife"] = "knives",
        ["wife"] = "wives",
        ["half"] = "halves",
        ["wolf"] = "wolves",
        ["shelf"] = "shelves",
        ["thief"] = "thieves",
        ["calf"] = "calves",
        ["loaf"] = "loaves",
        ["self"] = "selves",
        ["criterion"] = "criteria",
        ["phenomenon"] = "phenomena",
        ["datum"] = "data",
        ["medium"] = "media",
        ["matrix"] = "matrices",
        ["vertex"] = "vertices",
        ["appendix"] = "appendices",
        ["cactus"] = "cacti",
        ["hero"] = "heroes",
        ["potato"] = "potatoes",
        ["tomato"] = "tomatoes",
        ["echo"] = "echoes",
        ["veto"] = "vetoes",
        ["quiz"] = "quizzes",
    };

    private static readonly HashSet<string> s_uncountable = new(StringComparer.OrdinalIgnoreCase)
    {
        "sheep", "fish", "deer", "series", "species", "money", "information", "equipment", "news", "data",
        "metadata", "software", "hardware", "feedback", "staff", "aircraft", "moose", "bison", "rice", "advice",
    };

    private static readonly Dictionary<string, string> s_irregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pay"] = "paid",
        ["lay"] = "laid",
        ["say"] = "said",
        ["send"] = "sent",
        ["spend"] = "spent",
        ["lend"] = "lent",
        ["bend"] = "bent",
        ["build"] = "built",
        ["buy"] = "bought",
        ["bring"] = "brought",
        ["think"] = "thought",
        ["fight"] = "fought",
        ["seek"] = "sought",
        ["teach"] = "taught",
        ["catch"] = "caught",
        ["sell"] = "sold",
        ["tell"] = "told",
        ["make"] = "made",
        ["run"] = "ran",
        ["do"] = "did",
        ["undo"] = "undid",
        ["redo"] = "redid",
        ["go"] = "went",
        ["get"] = "got",
        ["forget"] = "forgot",
        ["give"] = "gave",
        ["forgive"] = "forgave",
        ["take"] = "took",
        ["shake"] = "shook",
        ["write"] = "wrote",
        ["rewrite"] = "rewrote",
        ["read"] = "read",
        ["set"] = "set",
        ["reset"] = "reset",
        ["put"] = "put",
        ["cut"] = "cut",
        ["hit"] = "hit",
        ["let"] = "let",
        ["shut"] = "shut",
        ["quit"] = "quit",
        ["split"] = "split",
        ["spread"] = "spread",
        ["cast"] = "cast",
        ["broadcast"] = "broadcast",
        ["forecast"] = "forecast",
        ["cost"] = "cost",
        ["bet"] = "bet",
        ["bid"] = "bid",
        ["hurt"] = "hurt",
        ["upset"] = "upset",
        ["find"] = "found",
        ["hold"] = "held",
        ["keep"] = "kept",
        ["sleep"] = "slept",
        ["sweep"] = "swept",
        ["leave"] = "left",
        ["lose"] = "lost",
        ["meet"] = "met",
        ["feed"] = "fed",
        ["lead"] = "led",
        ["feel"] = "felt",
        ["deal"] = "dealt",
        ["mean"] = "meant",
        ["hear"] = "heard",
        ["stand"] = "stood",
        ["understand"] = "understood",
        ["begin"] = "began",
        ["choose"] = "chose",
        ["freeze"] = "froze",
        ["know"] = "knew",
        ["grow"] = "grew",
        ["throw"] = "threw",
        ["draw"] = "drew",
        ["withdraw"] = "withdrew",
        ["fly"] = "flew",
        ["drive"] = "drove",
        ["ride"] = "rode",
        ["rise"] = "rose",
        ["arise"] = "arose",
        ["speak"] = "spoke",
        ["steal"] = "stole",
        ["wake"] = "woke",
        ["win"] = "won",
        ["sing"] = "sang",
        ["drink"] = "drank",
        ["swim"] = "swam",
        ["ring"] = "rang",
        ["sink"] = "sank",
        ["break"] = "broke",
        ["wear"] = "wore",
        ["tear"] = "tore",
        ["sit"] = "sat",
        ["become"] = "became",
        ["come"] = "came",
        ["eat"] = "ate",
        ["fall"] = "fell",
        ["see"] = "saw",
        ["hide"] = "hid",
        ["bite"] = "bit",
        ["light"] = "lit",
        ["slide"] = "slid",
        ["stick"] = "stuck",
        ["strike"] = "struck",
        ["swing"] = "swung",
        ["hang"] = "hung",
        ["dig"] = "dug",
        ["spin"] = "spun",
        ["shoot"] = "shot",
        ["have"] = "had",
        ["be"] = "was",
        ["panic"] = "panicked",
        ["mimic"] = "mimicked",
        ["picnic"] = "picnicked",
        ["traffic"] = "trafficked",
        // Stress on the last syllable doubles the final consonant; one-syllable words are handled by rule.
        ["admit"] = "admitted",
        ["commit"] = "committed",
        ["submit"] = "submitted",
        ["permit"] = "permitted",
        ["omit"] = "omitted",
        ["emit"] = "emitted",
        ["transmit"] = "transmitted",
        ["refer"] = "referred",
        ["prefer"] = "preferred",
        ["transfer"] = "transferred",
        ["defer"] = "deferred",
        ["confer"] = "conferred",
        ["infer"] = "inferred",
        ["occur"] = "occurred",
        ["recur"] = "recurred",
        ["incur"] = "incurred",
        ["control"] = "controlled",
        ["patrol"] = "patrolled",
        ["enrol"] = "enrolled",
        ["compel"] = "compelled",
        ["expel"] = "expelled",
        ["propel"] = "propelled",
        ["repel"] = "repelled",
        ["cancel"] = "canceled",
        ["regret"] = "regretted",
        ["equip"] = "equipped",
        ["acquit"] = "acquitted",
    };

    /// <summary>The plural of a PascalCase name: <c>Company</c> → <c>Companies</c>, <c>SalesPerson</c> → <c>SalesPeople</c>.</summary>
    public static string Pluralize(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return name;
        }

        int start = LastWordStart(name);
        string head = name.Substring(0, start);
        string word = name.Substring(start);
        return head + MatchCase(word, PluralOfWord(word.ToLowerInvariant()));
    }

    /// <summary>The past tense of a PascalCase verb name: <c>Ship</c> → <c>Shipped</c>, <c>SendInvoice</c> → <c>SentInvoice</c>.</summary>
    public static string PastTense(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return name;
        }

        int end = FirstWordEnd(name);
        string word = name.Substring(0, end);
        string tail = name.Substring(end);
        return MatchCase(word, PastOfWord(word.ToLowerInvariant())) + tail;
    }

    private static string PluralOfWord(string word)
    {
        if (s_uncountable.Contains(word))
        {
            return word;
        }

        if (s_irregularPlurals.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.EndsWith("sis", StringComparison.Ordinal))
        {
            return word.Substring(0, word.Length - 2) + "es";
        }

        if (word.EndsWith("s", StringComparison.Ordinal) || word.EndsWith("x", StringComparison.Ordinal) || word.EndsWith("z", StringComparison.Ordinal)
            || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        if (word.Length > 1 && word[word.Length - 1] == 'y' && !IsVowel(word[word.Length - 2]))
        {
            return word.Substring(0, word.Length - 1) + "ies";
        }

        return word + "s";
    }

    private static string PastOfWord(string word)
    {
        if (s_irregularPast.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        // re- and un- keep the inflection of the word they prefix: Resend → Resent, Unban → Unbanned.
        foreach (var prefix in new[] { "re", "un" })
        {
            if (word.Length > prefix.Length + 2 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = word.Substring(prefix.Length);
                if (s_irregularPast.ContainsKey(rest) || (StartsLikeAWord(rest) && VowelGroups(rest) == 1 && EndsConsonantVowelConsonant(rest)))
                {
                    return prefix + PastOfWord(rest);
                }
            }
        }

        if (word.EndsWith("e", StringComparison.Ordinal))
        {
            return word + "d";
        }

        if (word.Length > 1 && word[word.Length - 1] == 'y' && !IsVowel(word[word.Length - 2]))
        {
            return word.Substring(0, word.Length - 1) + "ied";
        }

        if (VowelGroups(word) == 1 && EndsConsonantVowelConsonant(word))
        {
            return word + word[word.Length - 1] + "ed";
        }

        return word + "ed";
    }

    // "Render" is not re + "nder": a prefixed word must start like an English word does.
    private static bool StartsLikeAWord(string word)
        => IsVowel(word[0]) || IsVowel(word[1]) || word[1] == 'y'
            || Array.IndexOf(s_onsets, word.Substring(0, 2)) >= 0;

    private static readonly string[] s_onsets =
    [
        "bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "ph", "pl", "pr", "sc", "sh", "sk", "sl",
        "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
    ];

    private static bool EndsConsonantVowelConsonant(string word)
    {
        if (word.Length < 3)
        {
            return word.Length == 2 && IsVowel(word[0]) && !IsVowel(word[1]) && word[1] is not ('w' or 'x' or 'y');
        }

        char last = word[word.Length - 1];
        return !IsVowel(last) && last is not ('w' or 'x' or 'y')
            && IsVowel(word[word.Length - 2])
            && !IsVowel(word[word.Length - 3]);
    }

    private static int VowelGroups(string word)
    {
        int groups = 0;
        bool inVowel = false;
        foreach (char c in word)
        {
            bool vowel = IsVowel(c);
            if (vowel && !inVowel)
            {
                groups++;
            }

            inVowel = vowel;
        }

        return groups;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static int LastWordStart(string name)
    {
        for (int i = name.Length - 1; i > 0; i--)
        {
            if (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                return i;
            }
        }

        return 0;
    }

    private static int FirstWordEnd(string name)
    {
        for (int i = 1; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                return i;
            }
        }

        return name.Length;
    }

    private static string MatchCase(string original, string inflected)
    {
        if (original.Length == 0 || inflected.Length == 0)
        {
            return inflected;
        }

        if (original.Length > 1 && IsAllUpper(original))
        {
            return inflected.ToUpperInvariant();
        }

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(inflected[0]) + inflected.Substring(1) : inflected;
    }

    private static bool IsAllUpper(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
