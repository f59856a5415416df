using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ToolGen.Benchmarks;

/// <summary>
/// The practical floor: what a careful engineer writes by hand for each tool with Utf8JsonReader/Utf8JsonWriter —
/// exact property matching on UTF-8 bytes, a reused output buffer, no validation beyond what the types need.
/// </summary>
public sealed class HandWritten
{
    private readonly BenchmarkTools _tools = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public HandWritten() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public string GetWeather(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        string? city = null;
        Unit unit = Unit.Celsius;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("city"u8))
            {
                reader.Read();
                city = reader.GetString();
            }
            else if (reader.ValueTextEquals("unit"u8))
            {
                reader.Read();
                unit = reader.ValueTextEquals("Fahrenheit"u8) ? Unit.Fahrenheit : reader.ValueTextEquals("Celsius"u8) ? Unit.Celsius : throw new JsonException("unit");
            }
            else
            {
                throw new JsonException("unknown");
            }
        }

        var weather = _tools.GetWeather(city ?? throw new JsonException("city"), unit);
        Begin();
        _writer.WriteStartObject();
        _writer.WriteString("city"u8, weather.City);
        _writer.WriteNumber("temperature"u8, weather.Temperature);
        _writer.WriteString("unit"u8, weather.Unit == Unit.Celsius ? "Celsius" : "Fahrenheit");
        _writer.WriteString("conditions"u8, weather.Conditions);
        _writer.WriteEndObject();
        return End();
    }

    public string Mixed(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        int count = 0, limitValue = 0;
        long id = 0;
        double ratio = 0;
        decimal price = 0;
        bool flag = false, hasLimit = false;
        Unit unit = Unit.Celsius;
        DateTime when = default;
        Guid key = default;
        string[] tags = Array.Empty<string>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("count"u8)) { reader.Read(); count = reader.GetInt32(); }
            else if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetInt64(); }
            else if (reader.ValueTextEquals("ratio"u8)) { reader.Read(); ratio = reader.GetDouble(); }
            else if (reader.ValueTextEquals("price"u8)) { reader.Read(); price = reader.GetDecimal(); }
            else if (reader.ValueTextEquals("flag"u8)) { reader.Read(); flag = reader.GetBoolean(); }
            else if (reader.ValueTextEquals("unit"u8)) { reader.Read(); unit = reader.ValueTextEquals("Fahrenheit"u8) ? Unit.Fahrenheit : Unit.Celsius; }
            else if (reader.ValueTextEquals("limit"u8)) { reader.Read(); hasLimit = reader.TokenType != JsonTokenType.Null; limitValue = hasLimit ? reader.GetInt32() : 0; }
            else if (reader.ValueTextEquals("when"u8)) { reader.Read(); when = reader.GetDateTime(); }
            else if (reader.ValueTextEquals("key"u8)) { reader.Read(); key = reader.GetGuid(); }
            else if (reader.ValueTextEquals("tags"u8))
            {
                reader.Read();
                var list = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(reader.GetString()!);
                }

                tags = list.ToArray();
            }
            else
            {
                throw new JsonException("unknown");
            }
        }

        int result = _tools.Mixed(count, id, ratio, price, flag, unit, hasLimit ? limitValue : null, when, key, tags);
        Begin();
        _writer.WriteNumberValue(result);
        return End();
    }

    public string PlaceOrder(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Order? order = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("order"u8))
            {
                throw new JsonException("unknown");
            }

            reader.Read();
            order = ReadOrder(ref reader);
        }

        var summary = _tools.PlaceOrder(order ?? throw new JsonException("order"));
        Begin();
        _writer.WriteStartObject();
        _writer.WriteString("customer"u8, summary.Customer);
        _writer.WriteNumber("lines"u8, summary.Lines);
        _writer.WriteNumber("total"u8, summary.Total);
        _writer.WriteEndObject();
        return End();
    }

    private static Order ReadOrder(ref Utf8JsonReader reader)
    {
        string? customer = null;
        Address? shipTo = null;
        var lines = new List<OrderLine>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("customer"u8)) { reader.Read(); customer = reader.GetString(); }
            else if (reader.ValueTextEquals("shipTo"u8)) { reader.Read(); shipTo = ReadAddress(ref reader); }
            else if (reader.ValueTextEquals("lines"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    lines.Add(ReadLine(ref reader));
                }
            }
            else
            {
                throw new JsonException("unknown");
            }
        }

        return new Order(customer!, shipTo!, lines);
    }

    private static Address ReadAddress(ref Utf8JsonReader reader)
    {
        string? street = null, city = null, country = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("street"u8)) { reader.Read(); street = reader.GetString(); }
            else if (reader.ValueTextEquals("city"u8)) { reader.Read(); city = reader.GetString(); }
            else if (reader.ValueTextEquals("country"u8)) { reader.Read(); country = reader.GetString(); }
            else { throw new JsonException("unknown"); }
        }

        return new Address(street!, city!, country!);
    }

    private static OrderLine ReadLine(ref Utf8JsonReader reader)
    {
        string? sku = null;
        int quantity = 0;
        decimal unitPrice = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sku"u8)) { reader.Read(); sku = reader.GetString(); }
            else if (reader.ValueTextEquals("quantity"u8)) { reader.Read(); quantity = reader.GetInt32(); }
            else if (reader.ValueTextEquals("unitPrice"u8)) { reader.Read(); unitPrice = reader.GetDecimal(); }
            else { throw new JsonException("unknown"); }
        }

        return new OrderLine(sku!, quantity, unitPrice);
    }

    private void Begin()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private string End()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
