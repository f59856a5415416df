using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

public sealed class ClassifierTests
{
    public static TheoryData<Exception, ToolErrorCategory> BuiltInRules => new()
    {
        { new TimeoutException(), ToolErrorCategory.Transient },
        { new HttpRequestException("DNS failure"), ToolErrorCategory.Transient },
        { new HttpRequestException("x", null, HttpStatusCode.RequestTimeout), ToolErrorCategory.Transient },
        { new HttpRequestException("x", null, HttpStatusCode.TooManyRequests), ToolErrorCategory.Transient },
        { new HttpRequestException("x", null, HttpStatusCode.InternalServerError), ToolErrorCategory.Transient },
        { new HttpRequestException("x", null, HttpStatusCode.GatewayTimeout), ToolErrorCategory.Transient },
        { new HttpRequestException("x", null, HttpStatusCode.BadRequest), ToolErrorCategory.Permanent },
        { new HttpRequestException("x", null, HttpStatusCode.NotFound), ToolErrorCategory.Permanent },
        { new HttpRequestException("x", null, HttpStatusCode.Unauthorized), ToolErrorCategory.Permanent },
        { new HttpRequestException("moved", null, HttpStatusCode.Redirect), ToolErrorCategory.Unknown },
        { new IOException("disk hiccup"), ToolErrorCategory.Transient },
        { new SocketException((int)SocketError.ConnectionRefused), ToolErrorCategory.Transient },
        { new FileNotFoundException("gone"), ToolErrorCategory.Permanent },
        { new ArgumentException("bad"), ToolErrorCategory.Permanent },
        { new ArgumentOutOfRangeException("days"), ToolErrorCategory.Permanent },
        { new FormatException(), ToolErrorCategory.Permanent },
        { new KeyNotFoundException(), ToolErrorCategory.Permanent },
        { new UnauthorizedAccessException(), ToolErrorCategory.Permanent },
        { new NotSupportedException(), ToolErrorCategory.Permanent },
        { new TaskCanceledException("HttpClient timeout", new TimeoutException()), ToolErrorCategory.Transient },
        { new AggregateException(new TimeoutException()), ToolErrorCategory.Transient },
    };

    public static TheoryData<string, ToolErrorCategory> MessageIndicators => new()
    {
        { "Rate limit exceeded", ToolErrorCategory.Transient },
        { "upstream TIMEOUT", ToolErrorCategory.Transient },
        { "connection dropped", ToolErrorCategory.Transient },
        { "HTTP 503", ToolErrorCategory.Transient },
        { "got 429 from api", ToolErrorCategory.Transient },
        { "Service temporarily unavailable", ToolErrorCategory.Transient },
        { "please retry later", ToolErrorCategory.Transient },
        { "User not found", ToolErrorCategory.Permanent },
        { "invalid ticker", ToolErrorCategory.Permanent },
        { "Unauthorized", ToolErrorCategory.Permanent },
        { "status 403", ToolErrorCategory.Permanent },
        { "status 404", ToolErrorCategory.Permanent },
        { "missing required field", ToolErrorCategory.Permanent },
        { "Bad Request", ToolErrorCategory.Permanent },
        { "code 400", ToolErrorCategory.Permanent },
        { "invalid token, retry with a new one", ToolErrorCategory.Permanent }, // permanent wins
        { "connection not found", ToolErrorCategory.Permanent },
        { "the flux capacitor broke", ToolErrorCategory.Unknown },
    };

    [Theory]
    [MemberData(nameof(BuiltInRules))]
    public void Built_in_exception_types_have_fixed_categories(Exception exception, ToolErrorCategory expected) =>
        Assert.Equal(expected, ToolErrorClassifier.Classify(exception));

    [Theory]
    [MemberData(nameof(MessageIndicators))]
    public void Other_exceptions_are_judged_by_the_tutorial_indicators(string message, ToolErrorCategory expected) =>
        Assert.Equal(expected, ToolErrorClassifier.Classify(new InvalidOperationException(message)));

    [Fact]
    public void A_type_rule_wins_over_the_message()
    {
        Assert.Equal(ToolErrorCategory.Transient, ToolErrorClassifier.Classify(new TimeoutException("not found")));
        Assert.Equal(ToolErrorCategory.Permanent, ToolErrorClassifier.Classify(new ArgumentException("please retry")));
    }

    [Theory]
    [InlineData(ToolErrorCategory.Transient)]
    [InlineData(ToolErrorCategory.Permanent)]
    [InlineData(ToolErrorCategory.Unknown)]
    public void A_tool_exception_chooses_its_own_category(ToolErrorCategory category) =>
        Assert.Equal(category, ToolErrorClassifier.Classify(new ToolException("invalid input, connection timeout", category)));

    [Fact]
    public void The_user_classifier_comes_first_and_null_falls_through()
    {
        Func<Exception, ToolErrorCategory?> classifier = e => e is ArgumentException ? ToolErrorCategory.Transient : null;

        Assert.Equal(ToolErrorCategory.Transient, ToolErrorClassifier.Classify(new ArgumentException("x"), classifier));
        Assert.Equal(ToolErrorCategory.Transient, ToolErrorClassifier.Classify(new ToolException("x", ToolErrorCategory.Permanent), e => ToolErrorCategory.Transient));
        Assert.Equal(ToolErrorCategory.Permanent, ToolErrorClassifier.Classify(new FormatException(), classifier));
    }

    [Fact]
    public void Retry_after_is_read_from_tool_exceptions_only()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), ToolErrorClassifier.GetRetryAfter(new ToolException("x", ToolErrorCategory.Transient, TimeSpan.FromSeconds(3))));
        Assert.Null(ToolErrorClassifier.GetRetryAfter(new HttpRequestException("x", null, HttpStatusCode.TooManyRequests)));
    }

    [Fact]
    public void A_tool_exception_needs_a_real_category()
    {
        Assert.Throws<ArgumentException>(() => new ToolException("x", ToolErrorCategory.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToolException("x", ToolErrorCategory.Transient, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task The_dispatcher_uses_the_options_classifier()
    {
        var options = new ToolDispatcherOptions
        {
            TimeProvider = new TestClock(),
            Classifier = e => e.Message == "quota" ? ToolErrorCategory.Permanent : null,
        };
        var set = new FakeToolSet().Throws("q", () => new TimeoutException("quota")).Throws("t", () => new TimeoutException("slow"), maxAttempts: 1);
        var dispatcher = new ToolDispatcher(options, set);

        ToolResult quota = await dispatcher.DispatchAsync(Call("q")).Guarded();
        ToolResult slow = await dispatcher.DispatchAsync(Call("t")).Guarded();

        Assert.Equal(ToolErrorCategory.Permanent, quota.Category);
        Assert.Equal(1, quota.Attempts);
        Assert.Equal(ToolErrorCategory.Transient, slow.Category);
    }
}
