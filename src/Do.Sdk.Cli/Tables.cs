using System.Globalization;
using Spectre.Console;

namespace Do.Cli;

/// <summary>Human output: tables whose cells are plain text (never parsed as markup, since stored values may hold brackets).</summary>
internal static class Tables
{
    /// <summary>A table with the given column headers.</summary>
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of plain-text cells; null shows as an empty cell.</summary>
    public static void Row(Table table, params string?[] cells)
        => table.AddRow([.. cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? ""))]);

    /// <summary>A time as people read it in a table: UTC, to the second.</summary>
    public static string Time(DateTimeOffset? time)
        => time is { } value ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>Prints the table, or a line saying there is nothing when it has no rows.</summary>
    public static void Print(CliContext context, Table table, string empty)
    {
        if (table.Rows.Count == 0)
        {
            context.Line(empty);
            return;
        }

        context.Out.Write(table);
    }
}
