using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ToolGen.IntegrationTests;

public enum Status
{
    Pending,
    [JsonStringEnumMemberName("shipped_out")]
    Shipped,
}

public sealed record Ticket(string Title, int Count = 1, Status Status = Status.Pending, List<int>? Ids = null)
{
    public bool Urgent { get; set; } = true;
}

/// <summary>The same shapes read leniently (the assembly default is exact), exactly, and strictly.</summary>
public static partial class LenientTools
{
    /// <summary>Reads scalars leniently.</summary>
    [Tool(ArgumentReading = ArgumentReading.Lenient)]
    public static string Loose(int n, long big, double x, decimal m, bool flag, Status status, byte small = 7, string label = "none")
        => JsonSerializer.Serialize(new object[] { n, big, x, m, flag, status.ToString(), small, label });

    /// <summary>Reads an object leniently.</summary>
    [Tool(ArgumentReading = ArgumentReading.Lenient)]
    public static string LooseTicket(Ticket ticket) =>
        $"{ticket.Title}|{ticket.Count}|{ticket.Status}|{(ticket.Ids is null ? "null" : string.Join(",", ticket.Ids))}|{ticket.Urgent}";

    /// <summary>Reads scalars exactly.</summary>
    [Tool]
    public static string Exact(int n, bool flag, Status status, byte small = 7) => $"{n}|{flag}|{status}|{small}";

    /// <summary>A strict tool reads exactly even when asked to be lenient.</summary>
    [Tool(Strict = true, ArgumentReading = ArgumentReading.Lenient)]
    public static string StrictOne(int n, Status status) => $"{n}|{status}";
}
