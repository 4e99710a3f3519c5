namespace Do.Transport;

/// <summary>A direct write to a thing, outside any declared verb.</summary>
public enum ThingWrite
{
    /// <summary>Creates the thing; fails when a live one with that id exists.</summary>
    Create,

    /// <summary>Replaces the thing's value, appending a version; fails when it does not exist.</summary>
    Update,

    /// <summary>Appends a tombstone; fails when the thing does not exist or is deleted.</summary>
    Delete,
}
