using System;
using System.Text.RegularExpressions;
using ToolGen.Serialization;
using Xunit;

namespace ToolGen.Tests;

/// <summary>
/// A [RegularExpression] check that times out rejects the value as invalid arguments, with a message that says the
/// check timed out (a plain non-match does not): here with a 1 ms regex instead of the generated 1 s one.
/// </summary>
public class PatternTimeoutTests
{
    private static readonly Regex s_backtracking = new("^(?:(a+)+b)$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1));

    [Fact]
    public void A_timed_out_match_is_a_non_match_whose_error_says_so()
    {
        Assert.False(ToolFormats.IsMatch(s_backtracking, new string('a', 40) + "!"));
        Assert.Equal("Invalid value for 'text': must match the pattern (the check timed out).", ConstraintMessage());
    }

    [Fact]
    public void A_plain_non_match_does_not_say_timed_out()
    {
        ToolFormats.IsMatch(s_backtracking, new string('a', 40) + "!");
        Assert.False(ToolFormats.IsMatch(s_backtracking, "aa!")); // the next check on the thread starts afresh
        Assert.Equal("Invalid value for 'text': must match the pattern.", ConstraintMessage());
    }

    private static string ConstraintMessage()
    {
        var reader = new ToolArgumentReader("{\"text\":\"x\"}"u8);
        reader.Next();
        reader.Next();
        reader.Next();
        try
        {
            reader.ThrowConstraint("must match the pattern");
        }
        catch (ToolArgumentException e)
        {
            Assert.Equal(ToolErrorKind.InvalidArguments, e.Kind);
            return e.Message;
        }

        throw new InvalidOperationException("ThrowConstraint returned");
    }
}
