using System.Text;
using System.Text.Json;

namespace Do.Storage;

/// <summary>Checks of a thing's id and data before anything is written.</summary>
internal sealed partial class ThingStore
{
    internal static void ValidateId(string id)
    {
        var reason = ThingId.CheckLocalId(id);
        if (reason is not null)
        {
            throw new InvalidThingIdException(id, reason);
        }
    }

    internal static void ValidateJson(string json, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(json, parameterName);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ArgumentException($"Thing data must be a JSON object, e.g. {{\"name\":\"Acme\"}}; got {InvalidIdentifierException.Display(json)}.", parameterName);
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new ArgumentException($"Thing data must be one JSON object; {InvalidIdentifierException.Display(json)} has more after it.", parameterName);
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Thing data is not valid JSON ({e.Message}): {InvalidIdentifierException.Display(json)}. Expected a JSON object, e.g. {{\"name\":\"Acme\"}}.", parameterName, e);
        }
    }
}
