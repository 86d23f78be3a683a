"""The preview (`tejido serve`): the site served from memory, each page rendered by
MkDocs' theme and Tejido's templates when the browser asks for it, reloaded on edits."""
