using System;
using System.Globalization;
using CsCheck;

namespace ToolGen.ReliabilityTests.Infrastructure;

/// <summary>
/// Fixed seeds so that CI runs the same cases every time. A longer random run is opt-in:
/// RELIABILITY_SEED=&lt;number&gt; picks other cases, RELIABILITY_SCALE=&lt;n&gt; runs n times as many.
/// </summary>
internal static class Seeds
{
    public const ulong Fixed = 20260107;

    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : Fixed;

    public static int Scale { get; } = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 1;

    /// <summary>The <paramref name="index"/>-th sample of <paramref name="gen"/> for this run (one PCG stream per case).</summary>
    public static T Sample<T>(Gen<T> gen, int index, ulong salt = 0) =>
        gen.Generate(new PCG((uint)index, Seed ^ salt), null, out _);

    /// <summary>A salt that is the same in every process (FNV-1a of the UTF-16 units), unlike string.GetHashCode.</summary>
    public static ulong SaltOf(string name)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }
}
