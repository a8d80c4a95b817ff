"""Stage 4, *resolve*: link short forms and aliases to full references; assign ids. Returns nothing rather than guessing."""
