using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ToolGen;

namespace ToolGen.PackageTests;

/// <summary>Sort orders.</summary>
public enum SortOrder
{
    Ascending,
    Descending,
}

/// <summary>A book in the catalogue.</summary>
/// <param name="Title">The title.</param>
/// <param name="Year">Year of publication.</param>
public sealed record Book(string Title, int Year);

/// <summary>Tools compiled by the generator that came in the package.</summary>
public sealed partial class LibraryTools
{
    private readonly List<Book> _books = new()
    {
        new Book("Dune", 1965),
        new Book("Neuromancer", 1984),
        new Book("Foundation", 1951),
    };

    /// <summary>Lists the books, sorted by year.</summary>
    /// <param name="order">The sort order.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    [Tool]
    public async Task<List<Book>> ListBooksAsync(SortOrder order = SortOrder.Ascending, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var books = new List<Book>(_books);
        books.Sort((a, b) => order == SortOrder.Ascending ? a.Year.CompareTo(b.Year) : b.Year.CompareTo(a.Year));
        return books;
    }

    /// <summary>Adds a book to the catalogue.</summary>
    /// <param name="book">The book to add.</param>
    [Tool]
    public int AddBook(Book book)
    {
        _books.Add(book);
        return _books.Count;
    }
}

/// <summary>A static tool set.</summary>
public static partial class MathTools
{
    /// <summary>Adds two integers.</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    [Tool]
    public static long Add(int a, int b) => (long)a + b;
}
