"""Writers turn evidence into a draft: sentences, each with the paper ids it cites."""
