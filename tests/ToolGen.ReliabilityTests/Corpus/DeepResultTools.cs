namespace ToolGen.ReliabilityTests.Corpus;

/// <summary>One object per level, so a chain of n links is a result n levels deep.</summary>
public sealed class Link
{
    public int Level { get; set; }

    public Link? Next { get; set; }
}

/// <summary>Tools whose results are too deep or cyclic: the result writer must fail them, not the stack.</summary>
public static partial class DeepResultTools
{
    [Tool(MaxAttempts = 1)]
    public static Link Chain(int levels)
    {
        var head = new Link { Level = 1 };
        Link tail = head;
        for (int level = 2; level <= levels; level++)
        {
            tail = tail.Next = new Link { Level = level };
        }

        return head;
    }

    [Tool(MaxAttempts = 1)]
    public static Link Cycle()
    {
        var link = new Link { Level = 1 };
        link.Next = link;
        return link;
    }
}
