namespace Do;

/// <summary>What a compaction did.</summary>
/// <param name="RowsBefore">Rows in things, actions and events before.</param>
/// <param name="RowsAfter">Rows in things, actions and events after.</param>
/// <param name="BytesBefore">Size of the database file (with its WAL) before.</param>
/// <param name="BytesAfter">Size after vacuuming.</param>
/// <param name="ArchivedActions">Actions moved to the archive file.</param>
/// <param name="ArchivedEvents">Events moved to the archive file.</param>
/// <param name="ArchivePath">The JSON-lines archive written next to the database, or null when nothing was archived.</param>
public sealed record CompactResult(long RowsBefore, long RowsAfter, long BytesBefore, long BytesAfter, int ArchivedActions, int ArchivedEvents, string? ArchivePath);
