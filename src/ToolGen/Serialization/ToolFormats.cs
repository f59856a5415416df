using System;
using System.ComponentModel;

namespace ToolGen.Serialization;

/// <summary>The checks behind <c>[EmailAddress]</c> and <c>[Url]</c>, with DataAnnotations' own rules.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolFormats
{
    /// <summary>One '@', neither first nor last (EmailAddressAttribute's rule).</summary>
    public static bool IsEmail(string value)
    {
        int at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at != value.Length - 1;
    }

    // Set by a match that timed out, read by the constraint error the generated parser throws right after it on the
    // same thread: the error then says the check timed out, which a plain non-match does not (the generated call
    // site stays a plain bool check).
    [ThreadStatic]
    private static bool t_matchTimedOut;

    /// <summary>
    /// Whether <paramref name="value"/> matches a <c>[RegularExpression]</c>. A match that runs past the regex's
    /// timeout (a hostile input against a backtracking pattern) counts as no match: it is the model's input that is
    /// wrong, so it must not surface as a transient <see cref="TimeoutException"/> worth retrying. The error message
    /// of that rejection says that the check timed out.
    /// </summary>
    public static bool IsMatch(System.Text.RegularExpressions.Regex regex, string value)
    {
        ArgumentNullException.ThrowIfNull(regex);
        t_matchTimedOut = false;
        try
        {
            return regex.IsMatch(value);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            t_matchTimedOut = true;
            return false;
        }
    }

    /// <summary>Whether the last <see cref="IsMatch"/> on this thread timed out (and forgets it).</summary>
    internal static bool TakeMatchTimedOut()
    {
        bool timedOut = t_matchTimedOut;
        t_matchTimedOut = false;
        return timedOut;
    }

    /// <summary>An absolute http, https or ftp URL (UrlAttribute's rule).</summary>
    public static bool IsUrl(string value) =>
        (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(value, UriKind.Absolute, out _);
}
