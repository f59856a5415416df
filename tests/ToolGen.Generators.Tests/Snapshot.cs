using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace ToolGen.Generators.Tests;

/// <summary>
/// A small snapshot helper: expected text lives in Snapshots/{name}.txt beside the test. A missing or different
/// snapshot fails; with TOOLGEN_UPDATE_SNAPSHOTS=1 the file is (re)written instead and the test passes.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string path = Path.Combine(directory, name + ".txt");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("TOOLGEN_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Snapshot '{path}' is missing. Run the tests with TOOLGEN_UPDATE_SNAPSHOTS=1 (build/update-snapshots.sh) and review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
