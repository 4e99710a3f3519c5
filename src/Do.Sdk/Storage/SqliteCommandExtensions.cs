using Microsoft.Data.Sqlite;

namespace Do.Storage;

/// <summary>Binding helpers for reused prepared commands: parameters are created once and only their values change.</summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i].ParameterName, name, StringComparison.Ordinal))
            {
                parameters[i].Value = value ?? DBNull.Value;
                return command;
            }
        }

        parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        return command;
    }
}
