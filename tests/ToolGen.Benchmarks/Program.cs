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

        if (args.Length > 0 && args[0] == "--generator-report")
        {
            Console.WriteLine(GeneratorBenchmarks.Report());
            Console.WriteLine(CompileReport.Run());
            return 0;
        }

        if (args.Length > 3 && args[0] == "--write-large-project")
        {
            // --write-large-project <directory> <repo root> <without|with|records|stj>
            LargeProject.Write(args[1], args[2], args[3]);
            return 0;
        }

        if (args.Length > 1 && args[0] == "--cold-start")
        {
            return ColdStart.Run(args[1]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
