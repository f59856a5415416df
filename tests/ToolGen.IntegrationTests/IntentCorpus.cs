using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace ToolGen.IntegrationTests;

// Types whose C# declarations say what the model may leave out: [Required], initializers, constructor parameters.

public sealed class Contact
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required(AllowEmptyStrings = true)]
    public string? Nick { get; set; }

    [Required]
    public int? Age { get; set; }

    [Required, RegularExpression("[a-z ]*")]
    public string Tag { get; set; } = "x";

    public string Name { get; set; } = "anon";
}

public sealed record RefundRequest(string OrderId)
{
    public bool NotifyCustomer { get; init; } = true;

    public string Reason { get; init; } = "unspecified";

    public Unit Unit { get; init; } = Unit.Fahrenheit;

    public double Ratio { get; init; } = 1;

    public string Stamp { get; init; } = System.DateTime.UnixEpoch.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    [Range(0.01, 10_000)]
    public required decimal Amount { get; init; }
}

/// <summary>An init-only member with an initializer on a struct (set through a by-ref init accessor).</summary>
public struct Window
{
    public Window()
    {
    }

    public int Size { get; init; } = 10;

    public int Step { get; init; }
}

/// <summary>The member is bound through the constructor parameter, whose nullability wins.</summary>
public sealed class Bound(string? value)
{
    public string Value { get; } = value ?? "(null)";
}

public record SearchOptions(string Query, bool Verbose = true, int Retries = 2);

/// <summary>Tools over the types above.</summary>
public static partial class IntentTools
{
    /// <summary>Creates a contact.</summary>
    [Tool]
    public static string CreateContact(Contact contact) => JsonSerializer.Serialize(new object?[] { contact.Email, contact.Nick, contact.Age, contact.Tag, contact.Name });

    /// <summary>Refunds an order.</summary>
    [Tool]
    public static string Refund(RefundRequest request) =>
        $"{request.OrderId}|{request.NotifyCustomer}|{request.Reason}|{request.Unit}|{request.Ratio}|{request.Stamp}|{request.Amount}";

    /// <summary>Resizes.</summary>
    [Tool]
    public static string Resize(Window window) => $"{window.Size}|{window.Step}";

    /// <summary>Binds.</summary>
    [Tool]
    public static string Bind(Bound bound) => bound.Value;

    /// <summary>Searches.</summary>
    [Tool]
    public static string Search(SearchOptions options) => $"{options.Query}|{options.Verbose}|{options.Retries}";

    /// <summary>Greets.</summary>
    [Tool]
    public static string Greet([Required] string name, [Required] string? title = "Dr") => $"{title} {name}";
}
