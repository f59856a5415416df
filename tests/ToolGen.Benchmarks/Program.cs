using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace ToolGen.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--check")
        {
            return SmokeCheck.Run();
        }

        if (args.Length > 1 && args[0] == "--cold-start")
        {
            return ColdStart.Run(args[1]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
