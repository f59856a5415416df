using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ToolGen.Tests.Infrastructure;
using Xunit;
using static ToolGen.Tests.Infrastructure.Calls;

namespace ToolGen.Tests;

/// <summary>
/// Retries follow the tool's annotations: only a call that is safe to repeat (read-only, idempotent, or an explicit
/// MaxAttempts) is retried, and a tool with side effects tells the model what it must check.
/// </summary>
public sealed class RetrySafetyTests
{
    private readonly TestClock _clock = new();

    public enum Failure
    {
        TransientException,
        UnknownException,
        PermanentException,
        CooperativeTimeout,
    }

    public enum Effects
    {
        Default,
        ReadOnly,
        Idempotent,
    }

    private static ToolAnnotations AnnotationsOf(Effects effects) => effects switch
    {
        Effects.ReadOnly => new ToolAnnotations(readOnly: true),
        Effects.Idempotent => new ToolAnnotations(idempotent: true),
        _ => ToolAnnotations.Default,
    };

    private ToolDispatcher Dispatcher(FakeToolSet set, bool retryNonIdempotent = false) => new(
        new ToolDispatcherOptions
        {
            TimeProvider = _clock,
            UseJitter = false,
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromSeconds(1),
            RetryNonIdempotentTools = retryNonIdempotent,
        },
        set);

    private static FakeToolSet Failing(Failure failure, int maxAttempts, ToolAnnotations annotations) =>
        new FakeToolSet().Add("tool", (_, token) => failure switch
        {
            Failure.TransientException => throw new IOException("connection reset"),
            Failure.UnknownException => throw new InvalidOperationException("boom"),
            Failure.PermanentException => throw new ArgumentException("no such city"),
            _ => new ValueTask<ToolResult>(WaitForCancellationAsync(token)),
        }, timeoutMilliseconds: 1000, maxAttempts: maxAttempts, annotations: annotations);

    // Honours its token: the attempt's task ends as the token fires (in the registration callback, not in a continuation
    // that may run later), so a retry cannot overlap it.
    private static Task<ToolResult> WaitForCancellationAsync(CancellationToken token)
    {
        var ended = new TaskCompletionSource<ToolResult>();
        token.Register(() => ended.TrySetCanceled(token));
        return ended.Task;
    }

    /// <summary>Dispatches and fires every timer the dispatcher arms (timeouts and backoff delays) until it answers.</summary>
    private async Task<ToolResult> RunAsync(ToolDispatcher dispatcher, ToolCall call)
    {
        Task<ToolResult> pending = dispatcher.DispatchAsync(call).AsTask();
        for (int armed = 0; !pending.IsCompleted; armed++)
        {
            Task next = _clock.WaitForArmedAsync(armed + 1);
            if (await Task.WhenAny(pending, next).Guarded() == next)
            {
                _clock.Advance(_clock.Armed[armed]);
            }
        }

        return await pending;
    }

    public static IEnumerable<object[]> Matrix()
    {
        foreach (Effects effects in Enum.GetValues<Effects>())
        {
            foreach (int maxAttempts in new[] { 0, 3 })
            {
                bool repeatable = effects != Effects.Default || maxAttempts != 0;
                yield return [effects, maxAttempts, Failure.TransientException, repeatable ? 3 : 1];
                yield return [effects, maxAttempts, Failure.UnknownException, repeatable ? 2 : 1];
                yield return [effects, maxAttempts, Failure.PermanentException, 1];
                yield return [effects, maxAttempts, Failure.CooperativeTimeout, repeatable ? 3 : 1];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Attempts_follow_annotations_category_and_explicit_max_attempts(Effects effects, int maxAttempts, Failure failure, int expectedAttempts)
    {
        FakeToolSet set = Failing(failure, maxAttempts, AnnotationsOf(effects));

        ToolResult result = await RunAsync(Dispatcher(set), Call("tool"));

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedAttempts, result.Attempts);
        Assert.Equal(expectedAttempts, set.Invocations("tool"));
    }

    [Theory]
    [InlineData(Failure.TransientException, 3)]
    [InlineData(Failure.UnknownException, 2)]
    [InlineData(Failure.PermanentException, 1)]
    [InlineData(Failure.CooperativeTimeout, 3)]
    public async Task The_dispatcher_option_restores_retrying_every_tool(Failure failure, int expectedAttempts)
    {
        FakeToolSet set = Failing(failure, 0, ToolAnnotations.Default);

        ToolResult result = await RunAsync(Dispatcher(set, retryNonIdempotent: true), Call("tool"));

        Assert.Equal(expectedAttempts, result.Attempts);
    }

    [Fact]
    public async Task A_timed_out_booking_is_attempted_once_and_the_model_is_told_to_check_before_calling_again()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("book_meeting", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 300, annotations: ToolAnnotations.Default);

        ToolResult result = await RunAsync(Dispatcher(set), Call("book_meeting"));

        Assert.Equal(1, set.Invocations("book_meeting"));
        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        Assert.Equal(ToolErrorCategory.Unknown, result.Category); // not "transient": that would invite a blind retry
        Assert.Equal(
            "The tool 'book_meeting' did not finish within 300 ms. It may still complete, or may already have completed: check whether it took effect before calling it again.",
            result.ErrorMessage);
        never.SetResult(ToolResult.Success(Call("book_meeting"), "\"booked\""));
    }

    [Fact]
    public async Task A_transient_failure_of_a_tool_with_side_effects_says_a_retry_may_repeat_it()
    {
        var set = new FakeToolSet().Throws("refund", () => new HttpRequestException("Bad gateway", null, HttpStatusCode.ServiceUnavailable), annotations: ToolAnnotations.Default);

        ToolResult result = await RunAsync(Dispatcher(set), Call("refund"));

        Assert.Equal(1, set.Invocations("refund"));
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal(
            "Bad gateway It may have taken effect before failing, and calling it again may repeat that effect: check before retrying.",
            result.ErrorMessage);
    }

    [Fact]
    public async Task A_permanent_failure_of_a_tool_with_side_effects_gets_no_note()
    {
        var set = new FakeToolSet().Throws("refund", () => new ArgumentException("Unknown order"), annotations: ToolAnnotations.Default);

        ToolResult result = await RunAsync(Dispatcher(set), Call("refund"));

        Assert.Equal("Unknown order", result.ErrorMessage);
    }

    [Fact]
    public async Task An_abandoned_attempt_of_a_tool_that_is_not_idempotent_is_never_overlapped_even_with_explicit_max_attempts()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("book", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 300, maxAttempts: 3, annotations: ToolAnnotations.Default);

        ToolResult result = await RunAsync(Dispatcher(set, retryNonIdempotent: true), Call("book"));

        Assert.Equal(1, set.Invocations("book"));
        Assert.Equal(1, result.Attempts);
        Assert.Equal(ToolErrorKind.Timeout, result.ErrorKind);
        never.SetResult(ToolResult.Success(Call("book"), "\"booked\""));
    }

    [Fact]
    public async Task An_abandoned_attempt_of_an_idempotent_tool_is_retried_alongside()
    {
        var never = new TaskCompletionSource<ToolResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new FakeToolSet().Add("lookup", (_, _) => new ValueTask<ToolResult>(never.Task), timeoutMilliseconds: 300, annotations: new ToolAnnotations(idempotent: true));

        ToolResult result = await RunAsync(Dispatcher(set), Call("lookup"));

        Assert.Equal(3, set.Invocations("lookup"));
        Assert.Equal(ToolErrorCategory.Transient, result.Category);
        Assert.Equal("The tool 'lookup' did not finish within 300 ms.", result.ErrorMessage);
        never.SetResult(ToolResult.Success(Call("lookup"), "1"));
    }

    [Fact]
    public void Read_only_implies_idempotent_and_not_destructive()
    {
        var readOnly = new ToolAnnotations(readOnly: true, idempotent: false, destructive: true);

        Assert.True(readOnly.Idempotent);
        Assert.False(readOnly.Destructive);
        Assert.Equal(new ToolAnnotations(readOnly: true), readOnly);
        Assert.False(ToolAnnotations.Default.ReadOnly);
        Assert.False(ToolAnnotations.Default.Idempotent);
        Assert.True(ToolAnnotations.Default.Destructive);
        Assert.True(ToolAnnotations.Default.OpenWorld);
    }
}
